using Grpc.Core;

namespace OneStop.Gateway.Forwarding.Protocol;

/// <summary>The gRPC status for an HTTP response without <c>grpc-status</c> (grpc/grpc doc/http-grpc-status-mapping.md).</summary>
public static class HttpStatusMapping
{
    public static StatusCode ToStatusCode(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
