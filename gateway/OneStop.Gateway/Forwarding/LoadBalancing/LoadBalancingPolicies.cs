namespace OneStop.Gateway.Forwarding.LoadBalancing;

/// <summary>Chooses one of the available destinations of a cluster.</summary>
public interface ILoadBalancingPolicy
{
    /// <param name="available">Never empty.</param>
    DestinationState Pick(IReadOnlyList<DestinationState> available);
}

/// <summary>The policy names the configuration accepts (YARP's names).</summary>
public static class LoadBalancingPolicies
{
    public const string RoundRobin = "RoundRobin";
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";

    public static bool IsKnown(string? name) => string.IsNullOrEmpty(name)
        || string.Equals(name, RoundRobin, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, PowerOfTwoChoices, StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh policy per cluster, so round-robin counters are not shared between clusters.</summary>
    public static ILoadBalancingPolicy Create(string? name) =>
        string.Equals(name, PowerOfTwoChoices, StringComparison.OrdinalIgnoreCase) ? new PowerOfTwoChoicesPolicy() : new RoundRobinPolicy();
}
