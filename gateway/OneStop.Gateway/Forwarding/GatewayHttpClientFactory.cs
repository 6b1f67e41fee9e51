using System.Net;
using Yarp.ReverseProxy.Forwarder;
using OneStop.Gateway.Forwarding.Health;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// YARP's per-cluster <see cref="SocketsHttpHandler"/> (its HttpClient settings still apply), with the gateway's
/// connect timeout and HTTP/2 keep-alive pings, which find a dead backend connection under a long Watch stream that
/// no idle timeout cuts. Probe responses are buffered on the way in (see <see cref="GrpcHealthProbe"/>).
/// </summary>
public sealed class GatewayHttpClientFactory(ForwarderOptions options, ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = options.ConnectTimeout;
        handler.PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2);
        handler.KeepAlivePingDelay = TimeSpan.FromSeconds(60);
        handler.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
        handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests;
    }

    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new GrpcHealthProbe.ResponseBuffering(base.WrapHandler(context, handler));
}
