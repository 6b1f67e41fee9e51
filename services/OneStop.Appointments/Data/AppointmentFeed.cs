using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Streaming;

namespace OneStop.Appointments.Data;

/// <summary>
/// Committed appointment changes for live WatchAppointments streams, plus the in-process write gate that makes
/// versions commit and publish in the same order. The gate is for ordering and throughput only: double bookings are
/// refused by the database's unique key, also between processes that do not share this gate.
/// </summary>
public sealed class AppointmentFeed : ChangeBroadcast<AppointmentChange>
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public async Task<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        return new GateRelease(_writeGate);
    }

    private sealed class GateRelease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
