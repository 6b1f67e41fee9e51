using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace OneStop.Directory.Client;

/// <summary>
/// The few Redis operations the directory read path needs, over one StackExchange.Redis multiplexer, and its
/// connection state as one <see cref="Disconnected"/>/<see cref="Reconnected"/> pair.
/// </summary>
/// <remarks>
/// The multiplexer does the connection work: it starts while Redis is down, reconnects by itself (each heartbeat,
/// about once a second) and re-sends subscriptions. Every operation fails, never hangs: while disconnected at once
/// (<see cref="BacklogPolicy.FailFast"/>), otherwise after the multiplexer's AsyncTimeout (the write timeout), and
/// reads after the shorter read timeout. Callers check <see cref="IsConnected"/> first to skip Redis while it is down.
/// </remarks>
public sealed class RedisStore : IDisposable
{
    // Raises the key only when that makes it larger, so a late or repeated writer can never lower a version. A
    // missing key is always set, even to 0: its existence is what says "the read model was built". A script because
    // Redis has no "set if greater" for strings; Garnet runs it only with --lua, and atomically only with
    // --lua-transaction-mode (./onestop up and the tests start it so).
    private const string SetIfGreaterScript =
        "local c = redis.call('GET', KEYS[1]) " +
        "local v = tonumber(ARGV[1]) " +
        "if c == false or v > tonumber(c) then redis.call('SET', KEYS[1], ARGV[1]) return v end " +
        "return tonumber(c)";

    private readonly ConnectionMultiplexer _multiplexer;
    private readonly IDatabase _database;
    private readonly TimeSpan _readTimeout;
    private readonly ILogger _logger;
    private readonly Lock _stateLock = new();
    private ConnectionParts _down; // which of the two connections (commands, subscriptions) are down

    private RedisStore(ConnectionMultiplexer multiplexer, TimeSpan readTimeout, ILogger logger)
    {
        _multiplexer = multiplexer;
        _readTimeout = readTimeout;
        _logger = logger;
        _database = multiplexer.GetDatabase();
        _multiplexer.ConnectionFailed += OnConnectionFailed;
        _multiplexer.ConnectionRestored += OnConnectionRestored;
        lock (_stateLock)
        {
            // Down at start: the first connection of both parts is reported as Reconnected. Read after the handlers
            // are attached, so a connection completing meanwhile is seen either here or by the handler.
            if (!_multiplexer.IsConnected) _down = ConnectionParts.Both;
        }
    }

    /// <summary>Default bound of writes, publish, subscribe and SCAN (see <see cref="Connect"/>).</summary>
    public static readonly TimeSpan DefaultWriteTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Raised (on a thread-pool thread) when the connection is lost.</summary>
    public event Action? Disconnected;

    /// <summary>
    /// Raised (on a thread-pool thread) when both connections are established again, also for the first connection
    /// when Redis was down at start: commands work and subscriptions have been re-sent. Anything learned before may be
    /// outdated: invalidations were missed, Redis may have restarted empty.
    /// </summary>
    public event Action? Reconnected;

    /// <summary>Whether Redis is reachable right now.</summary>
    public bool IsConnected => _multiplexer.IsConnected;

    /// <summary>The store's connection, for instrumentation (OpenTelemetry) and benchmarks; the store owns it.</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer;

    /// <summary>
    /// Connects to <paramref name="configuration"/> (StackExchange.Redis syntax, e.g. "127.0.0.1:6379"). Returns
    /// without Redis when it is down (after the connect timeout at most); the multiplexer then connects in the background.
    /// </summary>
    /// <param name="readTimeout">Bound of reads: the lookup path falls back to gRPC after it, so keep it short.</param>
    /// <param name="writeTimeout">
    /// Bound of every other operation (default <see cref="DefaultWriteTimeout"/>), the multiplexer's AsyncTimeout.
    /// Longer, because a write given up on costs a full rebuild of the read model, and a timed-out write may still
    /// have happened.
    /// </param>
    public static RedisStore Connect(string configuration, TimeSpan readTimeout, TimeSpan? writeTimeout = null, ILogger? logger = null)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start and keep running without Redis: a missing Redis degrades performance, never availability. One
        // attempt before returning: further attempts at start only hold up the service's start, while the multiplexer
        // keeps trying in the background anyway. And at most 2 s for it: 2.8's Connect often waits out the whole
        // ConnectTimeout (default 5 s) even when the connection was refused at once, so this is what a start
        // without Redis costs.
        options.AbortOnConnectFail = false;
        options.ConnectRetry = 1;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        // While disconnected, fail at once instead of queueing until the reconnect: a read has the gRPC fallback, and
        // a write that cannot be made marks the read model for a rebuild, which a Redis that comes back empty needs
        // anyway. A queued write would be sent after the reconnect, into a Redis that may have restarted empty and
        // possibly after the rebuild that already covered it.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AsyncTimeout = (int)(writeTimeout ?? DefaultWriteTimeout).TotalMilliseconds;
        // Socket IO on the .NET thread pool, not on the multiplexer's own pool of socket threads: on the 2-core
        // machine the extra threads compete with the thread pool for the cores, and a Redis hit took about four
        // times as long at p50 (docs/benchmarks.md, Redis hit).
        options.SocketManager = SocketManager.ThreadPool;
        var multiplexer = ConnectionMultiplexer.Connect(options);
        return new RedisStore(multiplexer, readTimeout, logger ?? NullLogger.Instance);
    }

    /// <summary>The value of <paramref name="key"/>, or null when the key does not exist.</summary>
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var value = await BoundRead(_database.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : (byte[]?)value;
    }

    /// <summary>The integer value of <paramref name="key"/>, or null when the key does not exist.</summary>
    public async Task<long?> GetInt64Async(string key, CancellationToken cancellationToken = default)
    {
        var value = await BoundRead(_database.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : (long)value;
    }

    // Writes take no CancellationToken: StackExchange.Redis cannot take a command back once it is queued, so a
    // cancelled write might still happen. Each is bounded by AsyncTimeout; callers stop between writes.
    public Task SetAsync(string key, byte[] value) => _database.StringSetAsync(key, value);

    /// <summary>True when the key existed.</summary>
    public Task<bool> DeleteAsync(string key) => _database.KeyDeleteAsync(key);

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> only when that raises it (a missing key is always set),
    /// atomically on the server; returns the value the key holds afterwards. Versions must never go backwards.
    /// </summary>
    public async Task<long> SetIfGreaterAsync(string key, long value)
    {
        var result = await _database.ScriptEvaluateAsync(SetIfGreaterScript, [key], [value]).ConfigureAwait(false);
        return (long)result;
    }

    public Task PublishAsync(string channel, string message) =>
        _multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), message);

    /// <summary>
    /// Calls <paramref name="handler"/> for every message on <paramref name="channel"/>, also after reconnects, possibly
    /// on several threads at once (the handler must not depend on order). Messages published while the connection is
    /// down are lost (that is what <see cref="Reconnected"/> is for). Succeeds while Redis is down.
    /// </summary>
    public async Task SubscribeAsync(string channel, Action<string> handler)
    {
        try
        {
            await _multiplexer.GetSubscriber()
                .SubscribeAsync(RedisChannel.Literal(channel), (_, value) => handler((string)value!)).ConfigureAwait(false);
        }
        catch (RedisConnectionException ex)
        {
            // The multiplexer records the subscription before it sends SUBSCRIBE, and sends it whenever the
            // subscription connection is (re-)established; only this first SUBSCRIBE found no connection.
            _logger.LogDebug(ex, "SUBSCRIBE {Channel} deferred until Redis is reachable", channel);
        }
    }

    /// <summary>All keys that start with <paramref name="prefix"/>, found with SCAN (never KEYS, which blocks Redis).</summary>
    public async Task<IReadOnlyList<string>> ScanKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        // One Redis (or Garnet) holds the read model; SCAN runs on a primary, one page of 1,000 per round trip.
        var server = _multiplexer.GetServers().FirstOrDefault(s => s.IsConnected && !s.IsReplica)
            ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connected Redis primary to SCAN");
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(_database.Database, EscapeGlob(prefix) + "*", pageSize: 1000)
                           .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key.ToString());
        }
        return keys;
    }

    public void Dispose()
    {
        _multiplexer.ConnectionFailed -= OnConnectionFailed;
        _multiplexer.ConnectionRestored -= OnConnectionRestored;
        _multiplexer.Dispose();
    }

    private static string EscapeGlob(string text) =>
        text.Replace("\\", "\\\\").Replace("*", "\\*").Replace("?", "\\?").Replace("[", "\\[").Replace("]", "\\]");

    // AsyncTimeout cannot bound reads: the multiplexer checks it on its heartbeat (once a second), far beyond the
    // read timeout of a lookup that has a gRPC fallback, and commands take no CancellationToken. A read given up on
    // here completes unobserved in the multiplexer, which is harmless.
    private Task<T> BoundRead<T>(Task<T> task, CancellationToken cancellationToken) =>
        task.WaitAsync(_readTimeout, cancellationToken);

    private static ConnectionParts PartOf(ConnectionType type) =>
        type == ConnectionType.Subscription ? ConnectionParts.Subscriptions : ConnectionParts.Commands;

    // The multiplexer reports each connection (commands, subscriptions) on its own; the directory needs one
    // "down"/"back" pair. Both handlers run on thread-pool threads (the multiplexer queues its events there).
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        bool raise;
        lock (_stateLock)
        {
            raise = _down == ConnectionParts.None;
            _down |= PartOf(e.ConnectionType);
        }
        _logger.LogWarning(e.Exception, "Redis connection {ConnectionType} to {EndPoint} lost: {FailureType}", e.ConnectionType, e.EndPoint, e.FailureType);
        if (raise) Raise(Disconnected);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        bool raise;
        lock (_stateLock)
        {
            var before = _down;
            _down &= ~PartOf(e.ConnectionType);
            // Only when the last part is back. The multiplexer reports a connection restored once its handshake is
            // done and, for subscriptions, once SUBSCRIBE was re-sent, so commands work when the handlers run.
            raise = before != ConnectionParts.None && _down == ConnectionParts.None;
        }
        _logger.LogInformation("Redis connection {ConnectionType} to {EndPoint} restored", e.ConnectionType, e.EndPoint);
        if (raise) Raise(Reconnected);
    }

    private void Raise(Action? handlers)
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action>())
        {
            try { handler(); }
            catch (Exception ex) { _logger.LogError(ex, "Redis connection event handler failed"); }
        }
    }

    [Flags]
    private enum ConnectionParts
    {
        None = 0,
        Commands = 1,
        Subscriptions = 2,
        Both = Commands | Subscriptions,
    }
}
