namespace OneStop.Directory.Client.Caching;

/// <summary>
/// Whether the Redis read model may be read as current, and the highest directory version this client has seen.
/// Redis is not trusted after a reconnect until its version marker proves it is at least as new as what the client
/// already saw, or until a rebuild's "*" invalidation arrives. While untrusted, loads go to the directory over gRPC:
/// a Redis that restarted empty or from an old snapshot must not serve outdated entries as current.
/// </summary>
internal sealed class ReadModelTrust
{
    private readonly object _lock = new();
    private long _highestSeenVersion;
    private int _generation; // bumped by every event that makes a check running concurrently obsolete
    private volatile bool _trusted;

    public bool IsTrusted => _trusted;

    public long HighestSeenVersion => Volatile.Read(ref _highestSeenVersion);

    public void Observe(long version)
    {
        var seen = Volatile.Read(ref _highestSeenVersion);
        while (version > seen)
        {
            var previous = Interlocked.CompareExchange(ref _highestSeenVersion, version, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }

    /// <summary>The connection dropped or came back: nothing Redis says is known to be current.</summary>
    public void Distrust()
    {
        lock (_lock)
        {
            _generation++;
            _trusted = false;
        }
    }

    /// <summary>A rebuild finished at <paramref name="version"/>: the read model is complete and current.</summary>
    public void RebuildSeen(long version)
    {
        Observe(version);
        lock (_lock)
        {
            _generation++;
            _trusted = true;
        }
    }

    /// <summary>Reads the version markers and decides; a decision overtaken by a newer event is discarded.</summary>
    public async Task<bool> CheckAsync(RedisStore redis, CancellationToken cancellationToken)
    {
        int generation;
        lock (_lock) generation = _generation;
        // Read what was seen before asking Redis: the writer raises the version key before it publishes, so anything
        // seen earlier is covered by the key read afterwards, if Redis still holds it.
        var seen = HighestSeenVersion;
        var built = await redis.GetInt64Async(DirectoryKeys.Built, cancellationToken).ConfigureAwait(false);
        var version = await redis.GetInt64Async(DirectoryKeys.Version, cancellationToken).ConfigureAwait(false);
        var current = built is not null && version is not null && version.Value >= seen;
        if (current) Observe(version!.Value);
        lock (_lock)
        {
            if (generation != _generation) return _trusted;
            _trusted = current;
            return current;
        }
    }
}
