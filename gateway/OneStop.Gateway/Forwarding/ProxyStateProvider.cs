using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OneStop.Gateway.Forwarding.Configuration;
using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Forwarding.LoadBalancing;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// The running routes and clusters. Built from <see cref="ProxyConfig"/> at start and again whenever the
/// configuration changes; a change that fails validation is logged and ignored, keeping the previous routes.
/// </summary>
public sealed class ProxyStateProvider : IDisposable
{
    private readonly IReadOnlySet<string> _rateLimiterPolicies;
    private readonly ILogger<ProxyStateProvider> _logger;
    private readonly IDisposable? _subscription;
    private readonly Lock _gate = new();
    private Snapshot _current;

    public ProxyStateProvider(IOptionsMonitor<ProxyConfig> config, ClientRateLimits rateLimits, ILogger<ProxyStateProvider> logger)
    {
        _rateLimiterPolicies = rateLimits.PolicyNames;
        _logger = logger;
        var initial = config.CurrentValue;
        var errors = ProxyConfigValidator.Validate(initial, _rateLimiterPolicies);
        // At start there is nothing to fall back to: refuse to run with a broken configuration.
        if (errors.Count > 0) throw new InvalidOperationException("ReverseProxy configuration is invalid:\n" + string.Join("\n", errors));
        _current = Build(initial, previous: null);
        _subscription = config.OnChange(Reload);
    }

    public IReadOnlyList<RouteState> Routes => _current.Routes;
    public IReadOnlyDictionary<string, ClusterState> Clusters => _current.Clusters;

    /// <summary>Fires once when the routes change; ask again for the next change.</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(_current.Changed.Token);

    private void Reload(ProxyConfig config)
    {
        var errors = ProxyConfigValidator.Validate(config, _rateLimiterPolicies);
        if (errors.Count > 0)
        {
            _logger.LogError("ReverseProxy configuration change refused, the previous routes stay active:\n{Errors}", string.Join("\n", errors));
            return;
        }
        Snapshot previous;
        lock (_gate)
        {
            previous = _current;
            _current = Build(config, previous);
        }
        _logger.LogInformation("ReverseProxy configuration reloaded: {Routes} routes, {Clusters} clusters", _current.Routes.Length, _current.Clusters.Count);
        previous.Changed.Cancel();
    }

    private static Snapshot Build(ProxyConfig config, Snapshot? previous)
    {
        var clusters = new Dictionary<string, ClusterState>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, cluster) in config.Clusters)
        {
            var destinations = cluster.Destinations
                .Select(d => FindPrevious(previous, id, d.Value.Address) ?? new DestinationState(d.Key, new Uri(d.Value.Address)))
                .ToArray();
            clusters[id] = new ClusterState(id, cluster, destinations, LoadBalancingPolicies.Create(cluster.LoadBalancingPolicy));
        }
        var routes = config.Routes
            .Select(r => new RouteState(r.Key, r.Value, clusters[r.Value.ClusterId]))
            .ToArray();
        return new Snapshot(routes, clusters, new CancellationTokenSource());
    }

    private static DestinationState? FindPrevious(Snapshot? previous, string clusterId, string address) =>
        previous is not null && previous.Clusters.TryGetValue(clusterId, out var cluster)
            ? cluster.Destinations.FirstOrDefault(d => d.Address == new Uri(address))
            : null;

    public void Dispose() => _subscription?.Dispose();

    private sealed record Snapshot(RouteState[] Routes, Dictionary<string, ClusterState> Clusters, CancellationTokenSource Changed);
}
