namespace OneStop.Gateway.Forwarding.LoadBalancing;

/// <summary>Each call goes to the next available destination in turn.</summary>
public sealed class RoundRobinPolicy : ILoadBalancingPolicy
{
    private uint _counter = uint.MaxValue;

    public DestinationState Pick(IReadOnlyList<DestinationState> available) =>
        available[(int)(Interlocked.Increment(ref _counter) % (uint)available.Count)];
}
