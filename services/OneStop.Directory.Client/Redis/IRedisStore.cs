namespace OneStop.Directory.Client;

/// <summary>
/// The few Redis operations the directory read path needs. Kept small so that the Redis client library
/// (StackExchange.Redis 1.2.6 today) can be swapped, and so that tests can see exactly what the cache relies on.
/// </summary>
/// <remarks>
/// Every operation fails (an exception, never an unbounded hang) when Redis is unreachable: implementations bound
/// reads by a short timeout (the lookup path falls back to gRPC) and writes by a longer one. Callers check
/// <see cref="IsConnected"/> first to skip Redis entirely while it is down.
/// </remarks>
public interface IRedisStore : IDisposable
{
    /// <summary>Whether Redis is reachable right now.</summary>
    bool IsConnected { get; }

    /// <summary>Raised (on a thread-pool thread) when the connection is lost.</summary>
    event Action? Disconnected;

    /// <summary>
    /// Raised (on a thread-pool thread) when the connection is (re-)established, also for the first connection when
    /// Redis was down at start. Anything learned before may be outdated: invalidations were missed, Redis may have
    /// restarted empty.
    /// </summary>
    event Action? Reconnected;

    /// <summary>The value of <paramref name="key"/>, or null when the key does not exist.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, byte[] value, CancellationToken cancellationToken = default);

    /// <summary>True when the key existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The integer value of <paramref name="key"/>, or null when the key does not exist.</summary>
    Task<long?> GetInt64Async(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> only when that raises it (a missing key is always set),
    /// atomically on the server; returns the value the key holds afterwards. Versions must never go backwards.
    /// </summary>
    Task<long> SetIfGreaterAsync(string key, long value, CancellationToken cancellationToken = default);

    Task PublishAsync(string channel, string message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for every message on <paramref name="channel"/>, also after reconnects. Messages
    /// published while the connection is down are lost (that is what <see cref="Reconnected"/> is for).
    /// </summary>
    Task SubscribeAsync(string channel, Action<string> handler, CancellationToken cancellationToken = default);

    /// <summary>All keys that start with <paramref name="prefix"/>, found with SCAN (never KEYS, which blocks Redis).</summary>
    Task<IReadOnlyList<string>> ScanKeysAsync(string prefix, CancellationToken cancellationToken = default);
}
