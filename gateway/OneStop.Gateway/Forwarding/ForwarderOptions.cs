namespace OneStop.Gateway.Forwarding;

/// <summary>The gateway's own forwarding settings, from <c>OneStop:Gateway:Forwarder</c> (YARP's are under ReverseProxy).</summary>
public sealed class ForwarderOptions
{
    public const string SectionName = "OneStop:Gateway:Forwarder";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts on other destinations when a call never reached its backend (connection refused, …).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Request body limit of routes that set no MaxRequestBodySize: 4 MiB, gRPC's default maximum message size.</summary>
    public long DefaultMaxRequestBodySize { get; set; } = 4 * 1024 * 1024;
}
