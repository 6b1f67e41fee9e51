using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client;

/// <summary>
/// Keeps the Redis read model in step with the directory database. Used by the Directory service only: after each
/// committed change (<see cref="ApplyAsync"/>), at start-up and whenever <see cref="RebuildNeeded"/> fires
/// (<see cref="RebuildAsync"/>).
/// </summary>
/// <remarks>
/// The database is the truth and its commit has already happened when this runs, so a Redis failure never throws:
/// the writer remembers that the read model is behind (<see cref="NeedsRebuild"/>) and asks for a rebuild once
/// Redis is reachable again. Calls are serialized, so a rebuild and a change never interleave their writes.
/// </remarks>
public sealed class DirectoryReadModelWriter : IDisposable
{
    private readonly RedisStore _redis;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastKnownVersion;
    private long _builtVersion = -1;       // version of the last successful rebuild by this writer
    private long _highestFailedVersion = -1; // highest change that did not reach Redis
    private volatile bool _dirty;           // a change or rebuild did not reach Redis
    private volatile bool _readModelLost;   // Redis came back without (all of) the read model

    public DirectoryReadModelWriter(RedisStore redis, ILogger<DirectoryReadModelWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _redis.Reconnected += OnReconnected;
    }

    /// <summary>
    /// Raised (on a thread-pool thread) when the read model must be rebuilt and Redis is reachable: after a reconnect
    /// that found it behind or empty, or when a write failed while connected. Handlers call <see cref="RebuildAsync"/>.
    /// </summary>
    public event Action? RebuildNeeded;

    /// <summary>True while Redis misses changes: a write failed, or Redis restarted empty or behind this writer.</summary>
    public bool NeedsRebuild => _dirty || _readModelLost;

    /// <summary>Highest change version passed to this writer (whether or not it reached Redis).</summary>
    public long LastKnownVersion => Volatile.Read(ref _lastKnownVersion);

    /// <summary>
    /// Writes one committed change: sets or deletes the entity key, raises the version key, publishes the
    /// invalidation. Never throws for Redis trouble; <paramref name="cancellationToken"/> only limits the wait for a
    /// running rebuild (a cancelled apply marks the read model dirty).
    /// </summary>
    public async Task ApplyAsync(Change change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        RaiseLastKnown(change.Version);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            MarkDirty(change.Version, "the apply was cancelled before it ran", null);
            return;
        }
        try
        {
            if (!_redis.IsConnected)
            {
                MarkDirty(change.Version, "Redis is unreachable", null);
                return;
            }
            var target = ReadModelTarget.Of(change);
            // Writes are not cancelled halfway: each is bounded by the store's write timeout.
            // A change already contained in the last rebuild's snapshot must not overwrite newer state.
            if (target.Key is not null && change.Version > Volatile.Read(ref _builtVersion))
            {
                if (target.Value is not null) await _redis.SetAsync(target.Key, target.Value).ConfigureAwait(false);
                else await _redis.DeleteAsync(target.Key).ConfigureAwait(false);
            }
            // Version before publish: a client that checks the version after seeing the message finds it covered.
            await _redis.SetIfGreaterAsync(DirectoryKeys.Version, change.Version).ConfigureAwait(false);
            await _redis.PublishAsync(DirectoryKeys.InvalidationChannel,
                new DirectoryInvalidation(change.Version, target.Entity, target.Id).Format()).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            MarkDirty(change.Version, "a Redis write failed", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Rewrites the whole read model from a snapshot of the directory at <paramref name="version"/>: every entity key,
    /// removal of keys of entities that no longer exist, the version and built markers, then "{version} * *". Never
    /// throws for Redis trouble; <see cref="NeedsRebuild"/> stays true when it did not complete.
    /// </summary>
    public async Task RebuildAsync(IReadOnlyCollection<Organization> organizations, IReadOnlyCollection<Service> services,
        IReadOnlyCollection<Location> locations, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(locations);
        RaiseLastKnown(version);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_redis.IsConnected)
            {
                MarkDirty(version, "Redis is unreachable for the rebuild", null);
                return;
            }
            var snapshot = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var organization in organizations) snapshot[DirectoryKeys.Organization(organization.Id)] = organization.ToByteArray();
            foreach (var service in services) snapshot[DirectoryKeys.Service(service.Id)] = service.ToByteArray();
            foreach (var location in locations) snapshot[DirectoryKeys.Location(location.Id)] = location.ToByteArray();

            await ReadModelRebuild.WriteAsync(_redis, snapshot, cancellationToken).ConfigureAwait(false);
            var removed = await ReadModelRebuild.RemoveLeftoversAsync(_redis, snapshot, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await _redis.SetIfGreaterAsync(DirectoryKeys.Version, version).ConfigureAwait(false);
            await _redis.SetIfGreaterAsync(DirectoryKeys.Built, version).ConfigureAwait(false);
            Volatile.Write(ref _builtVersion, version);
            _readModelLost = false;
            // A change that failed after the snapshot was taken is not in it: stay dirty for that one.
            if (Volatile.Read(ref _highestFailedVersion) <= version) _dirty = false;
            await _redis.PublishAsync(DirectoryKeys.InvalidationChannel, DirectoryInvalidation.All(version).Format()).ConfigureAwait(false);
            _logger.LogInformation("Directory read model rebuilt at version {Version}: {Count} entities, {Removed} stale keys removed",
                version, snapshot.Count, removed);
        }
        catch (Exception ex)
        {
            MarkDirty(version, "the rebuild failed", ex);
            // Only the caller's own cancellation surfaces; Redis trouble never does.
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested) throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Compares Redis' markers with what this writer knows and updates <see cref="NeedsRebuild"/>: a missing built or
    /// version marker (Redis restarted empty) or a version below <see cref="LastKnownVersion"/> means the read model
    /// was lost. Runs by itself after every reconnect.
    /// </summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (await IsReadModelIntactAsync(cancellationToken).ConfigureAwait(false) == false) _readModelLost = true;
        return NeedsRebuild;
    }

    /// <summary>Null when Redis could not be asked.</summary>
    private async Task<bool?> IsReadModelIntactAsync(CancellationToken cancellationToken)
    {
        try
        {
            var built = await _redis.GetInt64Async(DirectoryKeys.Built, cancellationToken).ConfigureAwait(false);
            var version = await _redis.GetInt64Async(DirectoryKeys.Version, cancellationToken).ConfigureAwait(false);
            if (built is not null && version is not null && version.Value >= LastKnownVersion) return true;
            _logger.LogWarning("Directory read model in Redis is behind (built {Built}, version {Version}, expected {Expected})",
                built, version, LastKnownVersion);
            return false;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(ex, "Checking the directory read model failed");
            return null;
        }
    }

    public void Dispose()
    {
        _redis.Reconnected -= OnReconnected;
        _gate.Dispose();
    }

    private void OnReconnected() => _ = CheckAfterReconnectAsync();

    private async Task CheckAfterReconnectAsync()
    {
        // After a reconnect, a check that could not be made counts as lost: an extra rebuild is cheap, a missed one is not.
        if (await IsReadModelIntactAsync(CancellationToken.None).ConfigureAwait(false) != true) _readModelLost = true;
        if (NeedsRebuild) RaiseRebuildNeeded();
    }

    private void MarkDirty(long version, string reason, Exception? exception)
    {
        _dirty = true;
        long seen;
        while (version > (seen = Volatile.Read(ref _highestFailedVersion))
               && Interlocked.CompareExchange(ref _highestFailedVersion, version, seen) != seen)
        {
        }
        _logger.LogWarning(exception, "Directory read model missed version {Version}: {Reason}; a rebuild is needed", version, reason);
        // While disconnected, the reconnect raises it; a failure on a live connection would otherwise never be repaired.
        if (_redis.IsConnected) RaiseRebuildNeeded();
    }

    private void RaiseLastKnown(long version)
    {
        long seen;
        while (version > (seen = Volatile.Read(ref _lastKnownVersion))
               && Interlocked.CompareExchange(ref _lastKnownVersion, version, seen) != seen)
        {
        }
    }

    private void RaiseRebuildNeeded()
    {
        var handlers = RebuildNeeded;
        if (handlers is null) return;
        // Off the caller's thread and outside the gate: a handler that rebuilds at once must not deadlock on it.
        _ = Task.Run(() =>
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Action>())
            {
                try { handler(); }
                catch (Exception ex) { _logger.LogError(ex, "RebuildNeeded handler failed"); }
            }
        });
    }
}
