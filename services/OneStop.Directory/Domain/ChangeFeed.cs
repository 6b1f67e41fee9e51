using System.Threading.Channels;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain;

/// <summary>
/// Fans committed changes out to live WatchChanges streams. Every subscriber has its own unbounded channel: a
/// bounded one would have to drop or block, and dropping would skip versions while blocking would stall writers.
/// A slow watcher costs memory only while it lags; it is gone when its call ends.
/// </summary>
public sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private readonly List<Channel<Change>> _subscribers = [];

    /// <summary>Changes published from now on, in publish order (which is version order: writes are serialized).</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate) _subscribers.Add(channel);
        return new Subscription(this, channel);
    }

    public void Publish(Change change)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(change);
        }
    }

    public int SubscriberCount
    {
        get { lock (_gate) return _subscribers.Count; }
    }

    private void Remove(Channel<Change> channel)
    {
        lock (_gate) _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }

    public sealed class Subscription(ChangeFeed feed, Channel<Change> channel) : IDisposable
    {
        public ChannelReader<Change> Reader => channel.Reader;

        public void Dispose() => feed.Remove(channel);
    }
}
