namespace OneStop.Gateway.Tests.Support;

/// <summary>Builds ReverseProxy configuration keys in YARP's shape for test gateways.</summary>
public static class Routes
{
    /// <summary>Every grpc.testing service (TestService, UnimplementedService) to one cluster of destinations.</summary>
    public static Dictionary<string, string?> GrpcTesting(string policy, params Uri[] destinations) =>
        Route("testing", "/grpc.testing.{service}/{method}", "testing", policy, destinations);

    public static Dictionary<string, string?> Route(string routeId, string path, string clusterId, string policy, params Uri[] destinations)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ReverseProxy:Routes:{routeId}:ClusterId"] = clusterId,
            [$"ReverseProxy:Routes:{routeId}:Match:Path"] = path,
            [$"ReverseProxy:Routes:{routeId}:AuthorizationPolicy"] = policy,
            // Probes every 200 ms so health tests settle quickly.
            [$"ReverseProxy:Clusters:{clusterId}:HealthCheck:Active:Interval"] = "00:00:00.200",
            [$"ReverseProxy:Clusters:{clusterId}:HealthCheck:Active:Timeout"] = "00:00:05",
        };
        for (var i = 0; i < destinations.Length; i++)
        {
            settings[$"ReverseProxy:Clusters:{clusterId}:Destinations:d{i}:Address"] = destinations[i].ToString();
        }
        return settings;
    }

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string? value)
    {
        settings[key] = value;
        return settings;
    }

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?> more)
    {
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }
}
