namespace OneStop.Gateway.Forwarding;

/// <summary>
/// One backend address and what the gateway knows about it right now. Kept across configuration reloads (by cluster
/// and address), so a reload does not forget that a backend is down.
/// </summary>
public sealed class DestinationState(string name, Uri address)
{
    /// <summary>Bounded: method paths are few, but a client could send endless unknown ones under a matching route.</summary>
    private const int MaxCachedUris = 1024;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);
    private int _concurrentRequests;
    private long _passiveFailureUntilTicks;
    private volatile bool _activeHealthy = true;

    public string Name { get; } = name;
    public Uri Address { get; } = address;

    /// <summary>Calls in flight, for power-of-two-choices.</summary>
    public int ConcurrentRequests => Volatile.Read(ref _concurrentRequests);

    /// <summary>The last active probe's verdict; healthy until a probe says otherwise.</summary>
    public bool ActiveHealthy => _activeHealthy;

    public bool IsAvailable(DateTimeOffset now) => _activeHealthy && now.UtcTicks >= Interlocked.Read(ref _passiveFailureUntilTicks);

    private int _consecutiveProbeFailures;

    /// <summary>
    /// Records a probe: one success makes the destination healthy; it takes <paramref name="failureThreshold"/>
    /// failures in a row to make it unhealthy, so one slow probe on a busy machine does not drop a backend.
    /// </summary>
    public void RecordProbe(bool success, int failureThreshold)
    {
        if (success)
        {
            Interlocked.Exchange(ref _consecutiveProbeFailures, 0);
            _activeHealthy = true;
        }
        else if (Interlocked.Increment(ref _consecutiveProbeFailures) >= failureThreshold)
        {
            _activeHealthy = false;
        }
    }

    /// <summary>A transport failure: out of rotation until <paramref name="until"/> (or a probe finds it healthy earlier).</summary>
    public void MarkPassiveFailure(DateTimeOffset until) => Interlocked.Exchange(ref _passiveFailureUntilTicks, until.UtcTicks);

    /// <summary>A healthy probe or a successful call ends a passive failure period early.</summary>
    public void ClearPassiveFailure() => Interlocked.Exchange(ref _passiveFailureUntilTicks, 0);

    /// <summary>The backend address of a call's path; built once per path (parsing a Uri per call is measurable).</summary>
    public Uri UriFor(PathString path, QueryString query)
    {
        if (query.HasValue) return new Uri(Address, path.ToUriComponent() + query.ToUriComponent());
        var key = path.Value ?? "/";
        if (_uris.TryGetValue(key, out var uri)) return uri;
        uri = new Uri(Address, path.ToUriComponent());
        if (_uris.Count < MaxCachedUris) _uris.TryAdd(key, uri);
        return uri;
    }

    public void RequestStarted() => Interlocked.Increment(ref _concurrentRequests);
    public void RequestEnded() => Interlocked.Decrement(ref _concurrentRequests);
}
