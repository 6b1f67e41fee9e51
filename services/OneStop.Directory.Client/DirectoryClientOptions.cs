namespace OneStop.Directory.Client;

/// <summary>Settings of <see cref="DirectoryClient"/>; bound from configuration section "OneStop:Directory" (Redis from "OneStop:Redis").</summary>
public sealed class DirectoryClientOptions
{
    /// <summary>Address of the Directory gRPC service, the source of truth behind the read model.</summary>
    public string DirectoryAddress { get; set; } = "http://127.0.0.1:5101";

    /// <summary>StackExchange.Redis configuration string of the read model.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>How long an in-process entry is served as fresh. Invalidations usually drop it much sooner.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After <see cref="Ttl"/>: how long the entry is still served while one background load refreshes it.</summary>
    public TimeSpan StaleWhileRevalidate { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Upper bound of one Redis call, so a hanging Redis costs a lookup this much at most before the gRPC fallback.</summary>
    public TimeSpan RedisOperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Upper bound of one Redis write, publish, subscribe or SCAN. Longer than reads: a write given up on costs a full
    /// rebuild of the read model.
    /// </summary>
    public TimeSpan RedisWriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound of one gRPC attempt against the directory.</summary>
    public TimeSpan GrpcAttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of a gRPC read that failed with UNAVAILABLE or timed out (reads are idempotent).</summary>
    public int GrpcRetries { get; set; } = 2;

    /// <summary>
    /// While the Redis read model is known to be outdated, how often to check whether it was rebuilt (besides the
    /// rebuild's own invalidation, which may be missed while the subscription reconnects).
    /// </summary>
    public TimeSpan ReadModelRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Clock of the in-process cache (TTL and stale-while-revalidate), so tests can move time. Network timeouts and
    /// retry delays always use real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
