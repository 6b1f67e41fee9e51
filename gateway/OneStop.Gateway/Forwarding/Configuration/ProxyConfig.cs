namespace OneStop.Gateway.Forwarding.Configuration;

/// <summary>
/// The forwarder's configuration, bound from the <c>ReverseProxy</c> section in YARP's shape
/// (routes → clusters → destinations), so a later switch to Yarp.ReverseProxy keeps the appsettings.
/// </summary>
public sealed class ProxyConfig
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Keyed by route id.</summary>
    public Dictionary<string, RouteConfig> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keyed by cluster id.</summary>
    public Dictionary<string, ClusterConfig> Clusters { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RouteConfig
{
    public string ClusterId { get; set; } = "";
    public RouteMatch Match { get; set; } = new();

    /// <summary>A policy name from <see cref="Edge.EdgePolicies"/>, or "anonymous". Empty means "authenticated".</summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>A rate limiter policy name, or "disable". Empty means the per-client default.</summary>
    public string? RateLimiterPolicy { get; set; }

    /// <summary>Largest request body in bytes (all messages of the call together); null keeps the gateway default.</summary>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>Lower runs first when two routes match the same path.</summary>
    public int? Order { get; set; }
}

public sealed class RouteMatch
{
    /// <summary>
    /// An ASP.NET Core route template, e.g. <c>/onestop.appointments.v1.{service}/{method}</c> for every service of a
    /// package (gRPC paths are <c>/package.Service/Method</c>).
    /// </summary>
    public string Path { get; set; } = "";
}

public sealed class ClusterConfig
{
    /// <summary><see cref="LoadBalancing.LoadBalancingPolicies.RoundRobin"/> (default) or <c>PowerOfTwoChoices</c>.</summary>
    public string? LoadBalancingPolicy { get; set; }

    public HealthCheckConfig HealthCheck { get; set; } = new();

    /// <summary>Keyed by destination name.</summary>
    public Dictionary<string, DestinationConfig> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class DestinationConfig
{
    /// <summary>The backend's base address, http:// (h2c) or https://.</summary>
    public string Address { get; set; } = "";
}

public sealed class HealthCheckConfig
{
    public ActiveHealthCheckConfig Active { get; set; } = new();
    public PassiveHealthCheckConfig Passive { get; set; } = new();
}

/// <summary>Probes each destination with grpc.health.v1 Check.</summary>
public sealed class ActiveHealthCheckConfig
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The service name asked for; empty asks for the server as a whole.</summary>
    public string Service { get; set; } = "";

    /// <summary>Failed probes in a row before a destination leaves the rotation (YARP's ConsecutiveFailures policy).</summary>
    public int ConsecutiveFailuresThreshold { get; set; } = 2;
}

/// <summary>Takes a destination out of rotation when calls to it fail at the transport level.</summary>
public sealed class PassiveHealthCheckConfig
{
    public bool Enabled { get; set; } = true;
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
