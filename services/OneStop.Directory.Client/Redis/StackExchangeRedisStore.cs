using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace OneStop.Directory.Client;

/// <summary>
/// <see cref="IRedisStore"/> over one StackExchange.Redis <see cref="ConnectionMultiplexer"/>. The multiplexer is
/// created with AbortOnConnectFail=false: construction succeeds while Redis is down and the multiplexer keeps
/// reconnecting by itself (it also re-sends subscriptions). This class turns its per-socket events into one
/// <see cref="Disconnected"/>/<see cref="Reconnected"/> pair.
/// </summary>
public sealed class StackExchangeRedisStore : IRedisStore
{
    // Raises the key only when that makes it larger, so a late or repeated writer can never lower a version. A
    // missing key is always set, even to 0: its existence is what says "the read model was built".
    private const string SetIfGreaterScript =
        "local c = redis.call('GET', KEYS[1]) " +
        "local v = tonumber(ARGV[1]) " +
        "if c == false or v > tonumber(c) then redis.call('SET', KEYS[1], ARGV[1]) return v end " +
        "return tonumber(c)";

    private const int InteractiveBit = 1;
    private const int SubscriptionBit = 2;

    private readonly ConnectionMultiplexer _multiplexer;
    private readonly IDatabase _database;
    private readonly TimeSpan _readTimeout;
    private readonly TimeSpan _writeTimeout;
    private readonly ILogger _logger;
    private readonly object _stateLock = new();
    private Task _eventDelivery = Task.CompletedTask; // events are delivered one after another, in the order they happened
    private int _downConnections; // bits of the connection types (interactive, subscription) that are down

    private StackExchangeRedisStore(ConnectionMultiplexer multiplexer, TimeSpan readTimeout, TimeSpan writeTimeout, ILogger logger)
    {
        _multiplexer = multiplexer;
        _readTimeout = readTimeout;
        _writeTimeout = writeTimeout;
        _logger = logger;
        _database = multiplexer.GetDatabase();
        // Invalidation handling is order-independent (drops and a max), so completions need not be serialized.
        _multiplexer.PreserveAsyncOrder = false;
        _multiplexer.ConnectionFailed += OnConnectionFailed;
        _multiplexer.ConnectionRestored += OnConnectionRestored;
        lock (_stateLock)
        {
            // Down at start: the first successful connection of both sockets is reported as Reconnected. Read after the
            // handlers are attached, so a connection completing meanwhile is seen either here or by the handler.
            if (!_multiplexer.IsConnected) _downConnections = InteractiveBit | SubscriptionBit;
        }
    }

    public event Action? Disconnected;

    public event Action? Reconnected;

    public bool IsConnected => _multiplexer.IsConnected;

    /// <summary>Default bound of writes, subscribe and SCAN (see <see cref="Connect"/>).</summary>
    public static readonly TimeSpan DefaultWriteTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connects to <paramref name="configuration"/> (StackExchange.Redis syntax, e.g. "127.0.0.1:6379"). Returns at once
    /// when Redis is down; the store then connects in the background.
    /// </summary>
    /// <param name="readTimeout">Bound of reads: the lookup path falls back to gRPC after it, so keep it short.</param>
    /// <param name="writeTimeout">
    /// Bound of writes, publish, subscribe and SCAN (default <see cref="DefaultWriteTimeout"/>). Longer, because a write
    /// given up on costs a full rebuild of the read model, and a timed-out write may still have happened.
    /// </param>
    public static StackExchangeRedisStore Connect(string configuration, TimeSpan readTimeout, TimeSpan? writeTimeout = null, ILogger? logger = null)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start and keep running without Redis: a missing Redis degrades performance, never availability.
        options.AbortOnConnectFail = false;
        options.ConnectRetry = Math.Max(options.ConnectRetry, 3);
        // The 1.2.6 default waits up to ConnectTimeout (5 s) between attempts; come back soon after Redis does.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        // Detect a silent (not reset) connection within seconds rather than the default minute.
        options.KeepAlive = options.KeepAlive is > 0 and <= 5 ? options.KeepAlive : 5;
        var multiplexer = ConnectionMultiplexer.Connect(options);
        var store = new StackExchangeRedisStore(multiplexer, readTimeout, writeTimeout ?? DefaultWriteTimeout, logger ?? NullLogger.Instance);
        store.WarmUp(TimeSpan.FromMilliseconds(options.ConnectTimeout));
        return store;
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var value = await BoundRead(_database.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : (byte[]?)value;
    }

    public Task SetAsync(string key, byte[] value, CancellationToken cancellationToken = default) =>
        BoundWrite(_database.StringSetAsync(key, value), cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        BoundWrite(_database.KeyDeleteAsync(key), cancellationToken);

    public async Task<long?> GetInt64Async(string key, CancellationToken cancellationToken = default)
    {
        var value = await BoundRead(_database.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : (long)value;
    }

    public async Task<long> SetIfGreaterAsync(string key, long value, CancellationToken cancellationToken = default)
    {
        var result = await BoundWrite(_database.ScriptEvaluateAsync(SetIfGreaterScript, [key], [value]), cancellationToken)
            .ConfigureAwait(false);
        return (long)result;
    }

    public Task PublishAsync(string channel, string message, CancellationToken cancellationToken = default) =>
        BoundWrite(_multiplexer.GetSubscriber().PublishAsync(channel, message), cancellationToken);

    public Task SubscribeAsync(string channel, Action<string> handler, CancellationToken cancellationToken = default)
    {
        // Registered even while Redis is down: the multiplexer sends SUBSCRIBE once it connects, and again after
        // every reconnect. So only wait for the acknowledgement when connected.
        var subscribe = _multiplexer.GetSubscriber().SubscribeAsync(channel, (_, value) => handler((string)value!));
        return IsConnected ? BoundWrite(subscribe, cancellationToken) : Observe(subscribe);
    }

    public async Task<IReadOnlyList<string>> ScanKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        // SCAN through the async Execute path: 1.2.6's IServer.Keys is synchronous only, and its synchronous waits time
        // out on .NET Core when the thread pool is busy. One page per call, each bounded like every other operation.
        var pattern = EscapeGlob(prefix) + "*";
        var keys = new List<string>();
        var cursor = "0";
        do
        {
            var page = (RedisResult[])(await BoundWrite(_database.ExecuteAsync("SCAN", cursor, "MATCH", pattern, "COUNT", "1000"), cancellationToken)
                .ConfigureAwait(false))!;
            cursor = (string)page[0]!;
            foreach (var key in (RedisResult[])page[1]!) keys.Add((string)key!);
        }
        while (cursor != "0");
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

    private static Task Observe(Task task)
    {
        // A queued subscription may fail later; the multiplexer retries it on reconnect, so the fault is only observed.
        _ = task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        return Task.CompletedTask;
    }

    // 1.2.6 has no cancellation and its async calls can outlive a dead socket; bound every call ourselves.
    private Task<T> BoundRead<T>(Task<T> task, CancellationToken cancellationToken) =>
        task.WaitAsync(_readTimeout, cancellationToken);

    private Task BoundWrite(Task task, CancellationToken cancellationToken) =>
        task.WaitAsync(_writeTimeout, cancellationToken);

    private Task<T> BoundWrite<T>(Task<T> task, CancellationToken cancellationToken) =>
        task.WaitAsync(_writeTimeout, cancellationToken);

    /// <summary>
    /// One round trip at start, with a generous bound, so the first real lookup does not pay for JIT compilation of
    /// the client's code paths and miss its short read timeout. Failure is fine: Redis may be down.
    /// </summary>
    private void WarmUp(TimeSpan bound)
    {
        if (!IsConnected) return;
        try
        {
            _database.StringGetAsync(DirectoryKeys.Version).Wait(bound);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Redis warm-up failed");
        }
    }

    private static int Bit(ConnectionType type) => type == ConnectionType.Subscription ? SubscriptionBit : InteractiveBit;

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        bool raise;
        lock (_stateLock)
        {
            raise = _downConnections == 0;
            _downConnections |= Bit(e.ConnectionType);
        }
        _logger.LogWarning(e.Exception, "Redis connection {ConnectionType} to {EndPoint} lost: {FailureType}", e.ConnectionType, e.EndPoint, e.FailureType);
        if (raise) Raise(Disconnected);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        bool raise;
        lock (_stateLock)
        {
            var before = _downConnections;
            _downConnections &= ~Bit(e.ConnectionType);
            // Only when the last socket is back: then subscriptions are re-sent and commands can work.
            raise = before != 0 && _downConnections == 0;
        }
        _logger.LogInformation("Redis connection {ConnectionType} to {EndPoint} restored", e.ConnectionType, e.EndPoint);
        if (raise) Raise(Reconnected, untilUsable: true);
    }

    private bool IsDown
    {
        get { lock (_stateLock) return _downConnections != 0; }
    }

    private void Raise(Action? handlers, bool untilUsable = false)
    {
        if (handlers is null) return;
        // Never on the multiplexer's own thread (handlers issue Redis commands, which would wait on that thread), and
        // in order: a Reconnected handled before the preceding Disconnected would leave the listener believing Redis is down.
        lock (_stateLock)
        {
            _eventDelivery = _eventDelivery.ContinueWith(async _ =>
            {
                if (untilUsable && !await WaitUntilUsableAsync().ConfigureAwait(false)) return;
                foreach (var handler in handlers.GetInvocationList().Cast<Action>())
                {
                    try { handler(); }
                    catch (Exception ex) { _logger.LogError(ex, "Redis connection event handler failed"); }
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>
    /// 1.2.6 reports a socket as restored before its handshake is done; commands sent in between fail with "No connection
    /// is available". Reconnected promises that commands work, so wait (bounded) for a PING to succeed. False when the
    /// connection failed again meanwhile: that failure's own Reconnected will follow.
    /// </summary>
    private async Task<bool> WaitUntilUsableAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (IsDown) return false;
            try
            {
                await _database.PingAsync().WaitAsync(_writeTimeout).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
        _logger.LogWarning("Redis reported a restored connection that does not answer PING; reporting it reconnected anyway");
        return true;
    }
}
