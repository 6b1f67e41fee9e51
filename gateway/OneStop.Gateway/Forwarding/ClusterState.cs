using OneStop.Gateway.Forwarding.Configuration;
using OneStop.Gateway.Forwarding.LoadBalancing;

namespace OneStop.Gateway.Forwarding;

/// <summary>A cluster as configured plus the live state of its destinations.</summary>
public sealed class ClusterState(string id, ClusterConfig config, IReadOnlyList<DestinationState> destinations, ILoadBalancingPolicy loadBalancer)
{
    public string Id { get; } = id;
    public ClusterConfig Config { get; } = config;
    public IReadOnlyList<DestinationState> Destinations { get; } = destinations;

    /// <summary>The next destination for a call, or null when none is available.</summary>
    public DestinationState? PickDestination(DateTimeOffset now, DestinationState? exclude = null)
    {
        // Small arrays: a filtered copy per call is cheaper than keeping a second list in sync with health changes.
        var available = new List<DestinationState>(Destinations.Count);
        foreach (var destination in Destinations)
        {
            if (destination != exclude && destination.IsAvailable(now)) available.Add(destination);
        }
        return available.Count == 0 ? null : loadBalancer.Pick(available);
    }
}

/// <summary>A route as configured, bound to its cluster.</summary>
public sealed record RouteState(string Id, RouteConfig Config, ClusterState Cluster);
