using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace OneStop.Directory.Client.Caching;

/// <summary>
/// The in-process cache of one entity type: TTL with stale-while-revalidate, single-flight loads, and invalidation
/// that is safe against loads running at the same time. One instance per entity type, keyed by the bare id, so a
/// lookup needs no key string built per call.
/// </summary>
internal sealed class EntityCache<T> where T : class
{
    private readonly ConcurrentDictionary<string, CacheEntry<T>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Flight<T>> _flights = new(StringComparer.Ordinal);
    private readonly Func<string, CancellationToken, Task<T?>> _load;
    private readonly Func<long> _currentVersion;
    private readonly CacheClock _clock;
    private readonly CacheStatistics _statistics;
    private readonly ILogger _logger;
    private readonly CancellationToken _shutdown;

    /// <param name="load">Loads one id from the read model or the directory; null when it does not exist.</param>
    /// <param name="currentVersion">Highest directory version seen so far, recorded on each entry.</param>
    /// <param name="shutdown">Cancels loads; a load is shared, so no single caller's token may cancel it.</param>
    public EntityCache(Func<string, CancellationToken, Task<T?>> load, Func<long> currentVersion, CacheClock clock,
        CacheStatistics statistics, ILogger logger, CancellationToken shutdown)
    {
        _load = load;
        _currentVersion = currentVersion;
        _clock = clock;
        _statistics = statistics;
        _logger = logger;
        _shutdown = shutdown;
    }

    public int Count => _entries.Count;

    /// <summary>The hit path completes synchronously and allocates nothing.</summary>
    public ValueTask<T?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(id, out var entry))
        {
            var now = _clock.Now;
            if (now < entry.FreshUntil)
            {
                _statistics.Hit();
                return new ValueTask<T?>(entry.Value);
            }
            if (now < entry.StaleUntil)
            {
                _statistics.StaleHit();
                if (entry.TryBeginRefresh()) _ = JoinOrStartFlight(id);
                return new ValueTask<T?>(entry.Value);
            }
        }

        _statistics.Miss();
        var load = JoinOrStartFlight(id).Completion.Task;
        return new ValueTask<T?>(cancellationToken.CanBeCanceled ? load.WaitAsync(cancellationToken) : load);
    }

    /// <summary>Drops one entry, and keeps a load already running for it from caching its result.</summary>
    public void Invalidate(string id)
    {
        // Mark first, then remove: see RunFlightAsync for why this order closes the race with a completing load.
        if (_flights.TryGetValue(id, out var flight)) flight.Invalidate();
        _entries.TryRemove(id, out _);
    }

    public void InvalidateAll()
    {
        foreach (var flight in _flights.Values) flight.Invalidate();
        _entries.Clear();
    }

    /// <summary>For tests and diagnostics: the entry without counting a lookup.</summary>
    public bool TryPeek(string id, out CacheEntry<T> entry) => _entries.TryGetValue(id, out entry!);

    private Flight<T> JoinOrStartFlight(string id)
    {
        if (_flights.TryGetValue(id, out var running)) return running;
        var mine = new Flight<T>();
        var winner = _flights.GetOrAdd(id, mine);
        if (ReferenceEquals(winner, mine)) _ = RunFlightAsync(id, mine);
        return winner;
    }

    private async Task RunFlightAsync(string id, Flight<T> flight)
    {
        var version = _currentVersion();
        try
        {
            var value = await _load(id, _shutdown).ConfigureAwait(false);
            var loadedAt = _clock.Now;
            var entry = new CacheEntry<T>(value, version, _clock.FreshUntil(loadedAt), _clock.StaleUntil(loadedAt));
            // Store, then re-check the mark. An invalidation either marks the flight before this check (then the entry
            // is taken back out here) or removes the entry after it was stored (it marks, then removes). Either way an
            // outdated result never stays cached.
            if (!flight.Invalidated)
            {
                _entries[id] = entry;
                if (flight.Invalidated) _entries.TryRemove(KeyValuePair.Create(id, entry));
            }
            _flights.TryRemove(KeyValuePair.Create(id, flight));
            flight.Completion.TrySetResult(value);
        }
        catch (Exception ex)
        {
            _flights.TryRemove(KeyValuePair.Create(id, flight));
            if (_entries.TryGetValue(id, out var stale)) stale.RefreshFailed();
            // A refusal of the id itself (malformed, unknown, not allowed) is the caller's error, expected and
            // logged without a stack; the id is left to the caller, which logs it cut and escaped. Only a failure
            // of the directory itself is a warning with its exception.
            if (ex is RpcException { StatusCode: StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.Unauthenticated } refused)
                _logger.LogInformation("Directory lookup of {EntityType} refused: {Status}", typeof(T).Name, refused.StatusCode);
            else
                _logger.LogWarning(ex, "Directory lookup of {EntityType} failed", typeof(T).Name);
            flight.Completion.TrySetException(ex);
            // A background refresh has no waiter; observe the fault so it is not reported as unobserved.
            _ = flight.Completion.Task.Exception;
        }
    }
}
