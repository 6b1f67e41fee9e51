using System.Threading.Channels;

namespace OneStop.ServiceDefaults.Streaming;

/// <summary>
/// Fans committed changes out to live watch streams (WatchChanges, WatchAppointments). Every subscriber has its own
/// unbounded channel: a bounded one would have to drop or block, and dropping would skip versions while blocking
/// would stall writers. A slow watcher costs memory only while it lags; it is gone when its call ends.
/// Publish order is the order subscribers see, so callers publish in version order.
/// </summary>
public class ChangeBroadcast<TChange>
{
    private readonly Lock _gate = new();
    private readonly List<Channel<TChange>> _subscribers = [];

    /// <summary>Changes published from now on, in publish order.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<TChange>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate) _subscribers.Add(channel);
        return new Subscription(this, channel);
    }

    public void Publish(TChange change) => Publish([change]);

    public void Publish(IEnumerable<TChange> changes)
    {
        lock (_gate)
        {
            foreach (var change in changes)
            {
                foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(change);
            }
        }
    }

    public int SubscriberCount
    {
        get { lock (_gate) return _subscribers.Count; }
    }

    private void Remove(Channel<TChange> channel)
    {
        lock (_gate) _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }

    public sealed class Subscription(ChangeBroadcast<TChange> broadcast, Channel<TChange> channel) : IDisposable
    {
        public ChannelReader<TChange> Reader => channel.Reader;

        public void Dispose() => broadcast.Remove(channel);
    }
}
