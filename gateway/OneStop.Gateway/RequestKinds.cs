using Microsoft.AspNetCore.Mvc.Abstractions;

namespace OneStop.Gateway;

/// <summary>What routing chose for a request: a web page, a forwarded gRPC route, or something else.</summary>
public static class RequestKinds
{
    /// <summary>A Razor page of the web front.</summary>
    public static bool IsPage(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() is not null;

    /// <summary>A call the forwarder passes on to a backend.</summary>
    public static bool IsForwarded(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>() is not null;
}
