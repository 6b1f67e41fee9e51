using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Directory.Client.Caching;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client;

/// <summary>
/// The directory read path every service uses: in-process cache → Redis read model → Directory gRPC service.
/// Only the Directory service writes Redis; this client reads it and follows its invalidation channel.
/// </summary>
/// <remarks>
/// Entities are the full records with all translations; callers localize. Lookups return null when the directory
/// says NOT_FOUND. While Redis is down, fresh in-process entries are served and everything else is loaded over gRPC;
/// when Redis comes back, everything cached is dropped, because invalidations sent meanwhile were missed.
/// </remarks>
public sealed class DirectoryClient : IDisposable
{
    private readonly RedisStore _redis;
    private readonly DirectoryGrpcSource _directory;
    private readonly ReadModelTrust _trust = new();
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly EntityCache<Service> _services;
    private readonly EntityCache<Organization> _organizations;
    private readonly EntityCache<Location> _locations;
    private readonly Task _initialization;
    private readonly TimeSpan _recheckInterval;

    /// <param name="directory">The Directory service's client, made by the gRPC client factory (<c>AddDirectoryClient</c>).</param>
    public DirectoryClient(RedisStore redis, DirectoryService.DirectoryServiceClient directory, DirectoryClientOptions options,
        ILogger<DirectoryClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _directory = new DirectoryGrpcSource(directory, options);
        _recheckInterval = options.ReadModelRecheckInterval;
        var clock = new CacheClock(options.TimeProvider, options.Ttl, options.StaleWhileRevalidate);
        var shutdown = _shutdown.Token;
        _services = new EntityCache<Service>(
            (id, ct) => LoadAsync(DirectoryKeys.Service(id), Service.Parser, _directory.GetServiceAsync, id, ct),
            () => _trust.HighestSeenVersion, clock, Statistics, _logger, shutdown);
        _organizations = new EntityCache<Organization>(
            (id, ct) => LoadAsync(DirectoryKeys.Organization(id), Organization.Parser, _directory.GetOrganizationAsync, id, ct),
            () => _trust.HighestSeenVersion, clock, Statistics, _logger, shutdown);
        _locations = new EntityCache<Location>(
            (id, ct) => LoadAsync(DirectoryKeys.Location(id), Location.Parser, _directory.GetLocationAsync, id, ct),
            () => _trust.HighestSeenVersion, clock, Statistics, _logger, shutdown);

        _redis.Disconnected += OnDisconnected;
        _redis.Reconnected += OnReconnected;
        _initialization = InitializeCoreAsync(shutdown);
        _ = RecheckWhileUntrustedAsync(shutdown);
    }

    /// <summary>Which path served the lookups so far.</summary>
    public CacheStatistics Statistics { get; } = new();

    /// <summary>Whether the Redis connection is up (the health check reports Degraded when not).</summary>
    public bool IsRedisConnected => _redis.IsConnected;

    /// <summary>Whether loads may use Redis: connected, and its read model known to be current.</summary>
    public bool IsReadModelCurrent => _redis.IsConnected && _trust.IsTrusted;

    /// <summary>
    /// Completes once the invalidation subscription is in place and the read model was checked (at once when Redis
    /// is down; then both happen when it connects). Lookups work before; this is for start-up and tests.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.WaitAsync(cancellationToken);

    public ValueTask<Service?> GetServiceAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _services.GetAsync(id, cancellationToken);
    }

    public ValueTask<Organization?> GetOrganizationAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _organizations.GetAsync(id, cancellationToken);
    }

    public ValueTask<Location?> GetLocationAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _locations.GetAsync(id, cancellationToken);
    }

    public void Dispose()
    {
        if (_shutdown.IsCancellationRequested) return;
        _redis.Disconnected -= OnDisconnected;
        _redis.Reconnected -= OnReconnected;
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    internal EntityCache<Service> ServiceCache => _services;

    private async Task<T?> LoadAsync<T>(string redisKey, MessageParser<T> parser,
        Func<string, CancellationToken, Task<T?>> fromDirectory, string id, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        // Skip Redis while it is down or outdated instead of paying a timeout per lookup.
        if (IsReadModelCurrent)
        {
            try
            {
                var bytes = await _redis.GetAsync(redisKey, cancellationToken).ConfigureAwait(false);
                if (bytes is not null)
                {
                    var value = parser.ParseFrom(bytes);
                    Statistics.RedisHit();
                    return value;
                }
                // Missing from the read model: maybe not yet written, maybe deleted; the directory knows.
                Statistics.RedisMiss();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Statistics.RedisError();
                _logger.LogDebug(ex, "Redis read of {Key} failed; asking the directory", redisKey);
            }
        }
        Statistics.GrpcLoad();
        return await fromDirectory(id, cancellationToken).ConfigureAwait(false);
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _redis.SubscribeAsync(DirectoryKeys.InvalidationChannel, OnInvalidation).ConfigureAwait(false);
            if (_redis.IsConnected) await _trust.CheckAsync(_redis, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Redis went away meanwhile; Reconnected repeats the check, and the multiplexer re-sends the subscription.
            _logger.LogWarning(ex, "Directory cache started without Redis; reading from the directory until it is back");
        }
    }

    private void OnInvalidation(string payload)
    {
        if (_shutdown.IsCancellationRequested) return;
        if (!DirectoryInvalidation.TryParse(payload, out var invalidation))
        {
            _logger.LogWarning("Ignoring malformed directory invalidation {Payload}", payload);
            return;
        }
        if (invalidation.IsAll)
        {
            // A rebuild finished: Redis is complete at this version, and anything cached may predate it.
            _trust.RebuildSeen(invalidation.Version);
            DropAll();
        }
        else
        {
            _trust.Observe(invalidation.Version);
            switch (invalidation.Entity)
            {
                case DirectoryKeys.ServiceEntity: _services.Invalidate(invalidation.Id); break;
                case DirectoryKeys.OrganizationEntity: _organizations.Invalidate(invalidation.Id); break;
                case DirectoryKeys.LocationEntity: _locations.Invalidate(invalidation.Id); break;
                // Other entities (service_at_location) are not cached here; their version still counts above.
            }
        }
        Statistics.Invalidation();
    }

    private void OnDisconnected() => _trust.Distrust();

    private void OnReconnected()
    {
        if (_shutdown.IsCancellationRequested) return;
        // Invalidations published while the connection was down were lost, and Redis may have restarted empty or
        // from an old snapshot: drop everything and read Redis again only once its version proves it current.
        _trust.Distrust();
        DropAll();
        Statistics.Reconnect();
        _ = CheckReadModelAsync();
    }

    private async Task CheckReadModelAsync()
    {
        try
        {
            var current = await _trust.CheckAsync(_redis, _shutdown.Token).ConfigureAwait(false);
            if (!current) _logger.LogWarning("Redis directory read model is outdated or empty; reading from the directory until it is rebuilt");
        }
        catch (Exception ex) when (!_shutdown.IsCancellationRequested)
        {
            _logger.LogDebug(ex, "Checking the Redis read model failed");
        }
    }

    // The rebuild's "*" invalidation normally restores trust, but it is lost if it was published while the
    // subscription was still reconnecting; this bounded-rate poll covers that case.
    private async Task RecheckWhileUntrustedAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_recheckInterval, cancellationToken).ConfigureAwait(false);
                if (_redis.IsConnected && !_trust.IsTrusted) await CheckReadModelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }

    private void DropAll()
    {
        _services.InvalidateAll();
        _organizations.InvalidateAll();
        _locations.InvalidateAll();
    }
}
