using System.Net;

namespace OneStop.Gateway.Forwarding;

/// <summary>Settings of the backend connections, from <c>OneStop:Gateway:Forwarder</c>.</summary>
public sealed class ForwarderOptions
{
    public const string SectionName = "OneStop:Gateway:Forwarder";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts on other destinations when a call never reached its backend (connection refused, …).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Request body limit of routes that set none: 4 MiB, gRPC's default maximum message size.</summary>
    public long DefaultMaxRequestBodySize { get; set; } = 4 * 1024 * 1024;
}

/// <summary>
/// One <see cref="SocketsHttpHandler"/> shared by every cluster: HTTP/2 connections to each backend are pooled and
/// multiplexed, and more are opened when a connection's stream limit is reached.
/// </summary>
public sealed class ForwarderHttpClient : IDisposable
{
    public ForwarderHttpClient(ForwarderOptions options)
    {
        Handler = CreateHandler(options);
        Invoker = new HttpMessageInvoker(Handler, disposeHandler: false);
    }

    /// <summary>The shared handler, also used by the active health probes.</summary>
    public SocketsHttpHandler Handler { get; }

    public HttpMessageInvoker Invoker { get; }

    private static SocketsHttpHandler CreateHandler(ForwarderOptions options) => new()
    {
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        // A proxy passes bodies, cookies and redirects through untouched.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
        // ActivityHeadersPropagator stays the default (W3C traceparent): a forwarded call continues the gateway's trace
        // in the backend (ServiceDefaults/Telemetry).
    };

    public void Dispose() => Handler.Dispose();
}
