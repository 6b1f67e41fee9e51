using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Streaming;

namespace OneStop.Referrals.Application;

/// <summary>
/// The process's one write gate and the live side of WatchReferrals. Commands run one at a time (SQLite has one
/// writer anyway, and it keeps event sequences published in commit order), and each publishes its events after
/// its commit.
/// </summary>
public sealed class ReferralFeed : ChangeBroadcast<ReferralChange>
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public async Task<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        return new Release(_writeGate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
