using Microsoft.AspNetCore.Routing.Patterns;
using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Forwarding.LoadBalancing;

namespace OneStop.Gateway.Forwarding.Configuration;

/// <summary>
/// Checks a configuration before it replaces the running one. A broken reload is refused as a whole (and logged),
/// so a typo in appsettings never takes routes away that were working.
/// </summary>
public static class ProxyConfigValidator
{
    public static IReadOnlyList<string> Validate(ProxyConfig config, IReadOnlySet<string> rateLimiterPolicies)
    {
        var errors = new List<string>();
        foreach (var (routeId, route) in config.Routes)
        {
            var at = $"ReverseProxy:Routes:{routeId}";
            if (string.IsNullOrWhiteSpace(route.ClusterId)) errors.Add($"{at}:ClusterId is empty.");
            else if (!config.Clusters.ContainsKey(route.ClusterId)) errors.Add($"{at}:ClusterId '{route.ClusterId}' names no cluster.");
            if (string.IsNullOrWhiteSpace(route.Match.Path)) errors.Add($"{at}:Match:Path is empty.");
            else
            {
                try { RoutePatternFactory.Parse(route.Match.Path); }
                catch (RoutePatternException e) { errors.Add($"{at}:Match:Path is not a route template: {e.Message}"); }
            }
            if (!string.IsNullOrEmpty(route.AuthorizationPolicy) && !EdgePolicies.IsKnown(route.AuthorizationPolicy))
                errors.Add($"{at}:AuthorizationPolicy '{route.AuthorizationPolicy}' is unknown (known: {string.Join(", ", EdgePolicies.Names)}).");
            if (!string.IsNullOrEmpty(route.RateLimiterPolicy) && route.RateLimiterPolicy != ClientRateLimits.Disable
                && !rateLimiterPolicies.Contains(route.RateLimiterPolicy))
                errors.Add($"{at}:RateLimiterPolicy '{route.RateLimiterPolicy}' is unknown.");
            if (route.MaxRequestBodySize is <= 0) errors.Add($"{at}:MaxRequestBodySize must be positive.");
        }
        foreach (var (clusterId, cluster) in config.Clusters)
        {
            var at = $"ReverseProxy:Clusters:{clusterId}";
            if (!LoadBalancingPolicies.IsKnown(cluster.LoadBalancingPolicy))
                errors.Add($"{at}:LoadBalancingPolicy '{cluster.LoadBalancingPolicy}' is unknown (RoundRobin, PowerOfTwoChoices).");
            if (cluster.Destinations.Count == 0) errors.Add($"{at}:Destinations is empty.");
            foreach (var (name, destination) in cluster.Destinations)
            {
                if (!Uri.TryCreate(destination.Address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                    errors.Add($"{at}:Destinations:{name}:Address '{destination.Address}' is not an absolute http(s) address.");
            }
            if (cluster.HealthCheck.Active.Interval <= TimeSpan.Zero) errors.Add($"{at}:HealthCheck:Active:Interval must be positive.");
            if (cluster.HealthCheck.Active.ConsecutiveFailuresThreshold < 1) errors.Add($"{at}:HealthCheck:Active:ConsecutiveFailuresThreshold must be at least 1.");
            if (cluster.HealthCheck.Active.Timeout <= TimeSpan.Zero) errors.Add($"{at}:HealthCheck:Active:Timeout must be positive.");
            if (cluster.HealthCheck.Passive.ReactivationPeriod < TimeSpan.Zero) errors.Add($"{at}:HealthCheck:Passive:ReactivationPeriod must not be negative.");
        }
        return errors;
    }
}
