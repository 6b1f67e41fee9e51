using Grpc.Core;

namespace Grpc.Net.Client.Configuration;

/// <summary>Client-side per-method configuration, shaped like gRPC's service config.</summary>
public sealed class ServiceConfig
{
    public IList<MethodConfig> MethodConfigs { get; } = new List<MethodConfig>();

    /// <summary>The most specific config for a method: exact method, then whole service, then the default.</summary>
    internal MethodConfig? Find(IMethod method)
    {
        MethodConfig? service = null, fallback = null;
        foreach (var config in MethodConfigs)
        {
            foreach (var name in config.Names)
            {
                if (name.Service == method.ServiceName && name.Method == method.Name) return config;
                if (name.Service == method.ServiceName && string.IsNullOrEmpty(name.Method)) service ??= config;
                if (string.IsNullOrEmpty(name.Service) && string.IsNullOrEmpty(name.Method)) fallback ??= config;
            }
        }
        return service ?? fallback;
    }
}

public sealed class MethodConfig
{
    public IList<MethodName> Names { get; } = new List<MethodName>();
    public RetryPolicy? RetryPolicy { get; set; }
}

/// <summary>A method, a whole service (Method null) or every method (<see cref="Default"/>).</summary>
public sealed class MethodName
{
    public static MethodName Default { get; } = new();

    public string? Service { get; set; }
    public string? Method { get; set; }
}

/// <summary>
/// Retry for transient failures (gRFC A6): only for the listed status codes, only while no response headers
/// have arrived, with exponential backoff and jitter, and honouring the server's <c>grpc-retry-pushback-ms</c>.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Total attempts including the first; at least 2.</summary>
    public int? MaxAttempts { get; set; }
    public TimeSpan? InitialBackoff { get; set; }
    public TimeSpan? MaxBackoff { get; set; }
    public double? BackoffMultiplier { get; set; }
    public IList<StatusCode> RetryableStatusCodes { get; } = new List<StatusCode>();
}
