using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Forwarding.Health;
using Yarp.ReverseProxy.Configuration;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// The gateway's defaults and extra checks on YARP's configuration (applied at start and on every reload; a
/// refused reload keeps the previous routes, a refused start stops the gateway):
/// <list type="bullet">
/// <item>a route without AuthorizationPolicy needs an authenticated caller, and one without RateLimiterPolicy gets
///   the per-client limit (YARP would apply neither);</item>
/// <item>clusters balance round-robin and check health actively (grpc.health.v1) and passively unless configured
///   otherwise, and never send calls to unhealthy destinations (YARP's default, HealthyOrPanic, would);</item>
/// <item>a route must name an existing cluster, a cluster needs destinations with absolute http(s) addresses, and
///   transforms are refused, since <see cref="GrpcForwarder"/> does not run them.</item>
/// </list>
/// </summary>
public sealed class GatewayConfigFilter : IProxyConfigFilter
{
    public static readonly TimeSpan DefaultProbeInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        var errors = new List<string>();
        if (cluster is null) errors.Add($"ClusterId '{route.ClusterId}' names no cluster.");
        if (route.Transforms is { Count: > 0 }) errors.Add("Transforms are not supported: the gateway's forwarder passes headers by fixed rules (docs/gateway.md).");
        if (route.MaxRequestBodySize is <= 0) errors.Add("MaxRequestBodySize must be positive.");
        Refuse($"ReverseProxy:Routes:{route.RouteId}", errors);
        return ValueTask.FromResult(route with
        {
            AuthorizationPolicy = string.IsNullOrWhiteSpace(route.AuthorizationPolicy) ? EdgePolicies.Authenticated : route.AuthorizationPolicy,
            RateLimiterPolicy = string.IsNullOrWhiteSpace(route.RateLimiterPolicy) ? ClientRateLimits.PerClient : route.RateLimiterPolicy,
        });
    }

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        var errors = new List<string>();
        if (cluster.Destinations is not { Count: > 0 }) errors.Add("Destinations is empty.");
        foreach (var (name, destination) in cluster.Destinations ?? new Dictionary<string, DestinationConfig>())
        {
            if (!Uri.TryCreate(destination.Address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                errors.Add($"Destinations:{name}:Address '{destination.Address}' is not an absolute http(s) address.");
        }
        Refuse($"ReverseProxy:Clusters:{cluster.ClusterId}", errors);

        var health = cluster.HealthCheck ?? new HealthCheckConfig();
        var active = health.Active ?? new ActiveHealthCheckConfig();
        var passive = health.Passive ?? new PassiveHealthCheckConfig();
        return ValueTask.FromResult(cluster with
        {
            LoadBalancingPolicy = string.IsNullOrEmpty(cluster.LoadBalancingPolicy) ? Yarp.ReverseProxy.LoadBalancing.LoadBalancingPolicies.RoundRobin : cluster.LoadBalancingPolicy,
            HealthCheck = health with
            {
                AvailableDestinationsPolicy = health.AvailableDestinationsPolicy ?? Yarp.ReverseProxy.Health.HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
                Active = active with
                {
                    Enabled = active.Enabled ?? true,
                    Interval = active.Interval ?? DefaultProbeInterval,
                    Timeout = active.Timeout ?? DefaultProbeTimeout,
                    Policy = string.IsNullOrEmpty(active.Policy) ? GrpcHealthPolicy.PolicyName : active.Policy,
                },
                Passive = passive with
                {
                    Enabled = passive.Enabled ?? true,
                    Policy = string.IsNullOrEmpty(passive.Policy) ? TransportFailurePolicy.PolicyName : passive.Policy,
                    ReactivationPeriod = passive.ReactivationPeriod ?? TransportFailurePolicy.DefaultReactivationPeriod,
                },
            },
        });
    }

    private static void Refuse(string at, List<string> errors)
    {
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors.Select(e => $"{at}: {e}")));
    }
}
