namespace OneStop.Gateway.Forwarding.LoadBalancing;

/// <summary>
/// Picks two destinations at random and takes the one with fewer calls in flight: nearly as even as "least
/// requests" without scanning every destination, and without herding onto one idle backend.
/// </summary>
public sealed class PowerOfTwoChoicesPolicy : ILoadBalancingPolicy
{
    public DestinationState Pick(IReadOnlyList<DestinationState> available)
    {
        if (available.Count == 1) return available[0];
        var first = Random.Shared.Next(available.Count);
        var second = Random.Shared.Next(available.Count - 1);
        if (second >= first) second++; // two different destinations
        var a = available[first];
        var b = available[second];
        return b.ConcurrentRequests < a.ConcurrentRequests ? b : a;
    }
}
