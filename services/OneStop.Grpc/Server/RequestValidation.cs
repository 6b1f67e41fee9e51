using Microsoft.AspNetCore.Http;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Server;

/// <summary>Rejects requests that are not gRPC at the HTTP level, before a call exists.</summary>
internal static class RequestValidation
{
    public static bool IsValidGrpcRequest(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            // gRPC needs trailers and full duplex; over HTTP/1.1 tell the client to upgrade.
            Reject(httpContext, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.");
            httpContext.Response.Headers.Upgrade = "h2c";
            return false;
        }
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            Reject(httpContext, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported.");
            return false;
        }
        return true;
    }

    private static void Reject(HttpContext httpContext, int httpStatus, string message)
    {
        var response = httpContext.Response;
        response.StatusCode = httpStatus;
        response.Headers[GrpcProtocol.StatusHeader] = "13";
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(message);
    }
}
