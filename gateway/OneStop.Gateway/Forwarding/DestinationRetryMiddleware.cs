using Grpc.Core;
using OneStop.Gateway.Forwarding.Edge;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// The first step of YARP's proxy pipeline (before load balancing). A call that never reached a backend
/// (<see cref="ForwardingFailure.NeverReachedBackend"/>: connection refused, connect timeout) goes to another
/// destination, at most <see cref="ForwarderOptions.MaxRetries"/> times; nothing else is repeated, since a call a
/// backend has seen could act twice. A call that ends without an answer (no destination, or the last attempt
/// failed) gets UNAVAILABLE as a gRPC status, never YARP's bare 502/503, and a message without addresses.
/// </summary>
public sealed class DestinationRetryMiddleware(RequestDelegate next, ForwarderOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        List<DestinationState>? tried = null;
        for (var attempt = 0; ; attempt++)
        {
            await next(context);
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null || context.Response.HasStarted) return;
            if (error is ForwardingFailure { NeverReachedBackend: true } && attempt < options.MaxRetries && proxy.ProxiedDestination is { } failed)
            {
                (tried ??= []).Add(failed);
                var remaining = candidates.Where(d => !tried.Contains(d)).ToArray();
                if (remaining.Length > 0)
                {
                    proxy.AvailableDestinations = remaining;
                    proxy.ProxiedDestination = null;
                    context.Features.Set<IForwarderErrorFeature>(null);
                    continue;
                }
            }
            await AnswerAsync(context, error);
            return;
        }
    }

    private static Task AnswerAsync(HttpContext context, IForwarderErrorFeature error)
    {
        var clusterId = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        // Addresses and exception texts stay in the gateway's log; callers outside learn only which service failed.
        var message = error.Error == ForwarderError.NoAvailableDestinations
            ? $"No healthy destination in cluster '{clusterId}'."
            : $"Service '{clusterId}' is unavailable; retry later.";
        context.Response.Headers.Clear();
        return GrpcStatusResponses.WriteTrailersOnlyAsync(context, StatusCode.Unavailable, message);
    }
}
