using OneStop.ServiceDefaults.Streaming;
using OneStop.Skills.V1;

namespace OneStop.Skills.Application;

/// <summary>
/// Committed profile changes for WatchProfiles, and the write gate: commands run one at a time so change sequences
/// are published in commit order (a watcher that resumes from the last version it saw misses nothing).
/// </summary>
public sealed class ProfileFeed : ChangeBroadcast<(string RegionAgs, ProfileChange Change)>
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public async Task<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        return new Release(_writeGate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
