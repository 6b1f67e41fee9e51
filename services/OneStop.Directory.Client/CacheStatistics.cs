namespace OneStop.Directory.Client;

/// <summary>
/// Counters of which path served the lookups of one <see cref="DirectoryClient"/>: for tests that assert the path,
/// and for metrics. Interlocked, never reset.
/// </summary>
public sealed class CacheStatistics
{
    private long _hits;
    private long _staleHits;
    private long _misses;
    private long _redisHits;
    private long _redisMisses;
    private long _redisErrors;
    private long _grpcLoads;
    private long _invalidations;
    private long _reconnects;

    /// <summary>Lookups answered by a fresh in-process entry.</summary>
    public long Hits => Volatile.Read(ref _hits);

    /// <summary>Lookups answered by an expired entry inside the stale-while-revalidate window.</summary>
    public long StaleHits => Volatile.Read(ref _staleHits);

    /// <summary>Lookups that waited for a load (their own or one already running for the same key).</summary>
    public long Misses => Volatile.Read(ref _misses);

    /// <summary>Loads answered by the Redis read model.</summary>
    public long RedisHits => Volatile.Read(ref _redisHits);

    /// <summary>Loads for which the key was missing in Redis.</summary>
    public long RedisMisses => Volatile.Read(ref _redisMisses);

    /// <summary>Loads for which a Redis call failed or timed out.</summary>
    public long RedisErrors => Volatile.Read(ref _redisErrors);

    /// <summary>Loads answered by the Directory gRPC service.</summary>
    public long GrpcLoads => Volatile.Read(ref _grpcLoads);

    /// <summary>Invalidation messages received (each may drop zero, one or all entries).</summary>
    public long Invalidations => Volatile.Read(ref _invalidations);

    /// <summary>Times the client dropped everything because its Redis connection came back.</summary>
    public long Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>All loads, whichever source answered.</summary>
    public long Loads => RedisHits + GrpcLoads;

    internal void Hit() => Interlocked.Increment(ref _hits);
    internal void StaleHit() => Interlocked.Increment(ref _staleHits);
    internal void Miss() => Interlocked.Increment(ref _misses);
    internal void RedisHit() => Interlocked.Increment(ref _redisHits);
    internal void RedisMiss() => Interlocked.Increment(ref _redisMisses);
    internal void RedisError() => Interlocked.Increment(ref _redisErrors);
    internal void GrpcLoad() => Interlocked.Increment(ref _grpcLoads);
    internal void Invalidation() => Interlocked.Increment(ref _invalidations);
    internal void Reconnect() => Interlocked.Increment(ref _reconnects);

    public override string ToString() =>
        $"hits={Hits} stale={StaleHits} misses={Misses} redisHits={RedisHits} redisMisses={RedisMisses} " +
        $"redisErrors={RedisErrors} grpcLoads={GrpcLoads} invalidations={Invalidations} reconnects={Reconnects}";
}
