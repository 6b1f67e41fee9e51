using System.Threading.Channels;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

/// <summary>
/// Committed appointment changes for live WatchAppointments streams, plus the in-process write gate that makes
/// versions commit and publish in the same order. The gate is for ordering and throughput only: double bookings are
/// refused by the database's unique key, also between processes that do not share this gate.
/// </summary>
public sealed class AppointmentFeed
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _subscribersLock = new();
    private readonly List<Channel<AppointmentChange>> _subscribers = [];

    public async Task<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        return new GateRelease(_writeGate);
    }

    /// <summary>Every change published from now on. Unbounded: a bounded channel would have to drop versions or stall writers.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<AppointmentChange>(new UnboundedChannelOptions { SingleReader = true });
        lock (_subscribersLock) _subscribers.Add(channel);
        return new Subscription(this, channel);
    }

    public void Publish(IEnumerable<AppointmentChange> changes)
    {
        lock (_subscribersLock)
        {
            foreach (var change in changes)
            {
                foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(change);
            }
        }
    }

    public int SubscriberCount
    {
        get { lock (_subscribersLock) return _subscribers.Count; }
    }

    private void Unsubscribe(Channel<AppointmentChange> channel)
    {
        lock (_subscribersLock) _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }

    public sealed class Subscription(AppointmentFeed feed, Channel<AppointmentChange> channel) : IDisposable
    {
        public ChannelReader<AppointmentChange> Reader => channel.Reader;

        public void Dispose() => feed.Unsubscribe(channel);
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
