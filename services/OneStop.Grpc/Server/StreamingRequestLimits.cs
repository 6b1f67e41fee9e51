using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace OneStop.Grpc.Server;

/// <summary>
/// Kestrel's whole-body limits do not fit request streams: a client stream may sit idle for minutes between messages
/// (Kestrel's minimum data rate would then reset the whole HTTP/2 connection after about 5 s), and its total size has
/// no bound. For those methods the per-message MaxReceiveMessageSize is the limit that applies.
/// </summary>
internal static class StreamingRequestLimits
{
    public static void Relax(HttpContext httpContext, MethodType methodType)
    {
        if (methodType is not (MethodType.ClientStreaming or MethodType.DuplexStreaming)) return;
        if (httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate) rate.MinDataRate = null;
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = null;
    }
}
