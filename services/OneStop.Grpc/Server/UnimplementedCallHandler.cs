using Microsoft.AspNetCore.Http;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Server;

/// <summary>Answers gRPC requests for services or methods nobody mapped with UNIMPLEMENTED (Trailers-Only).</summary>
internal static class UnimplementedCallHandler
{
    public static RequestDelegate For(string message) => httpContext =>
    {
        if (!GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType))
        {
            // Not gRPC: behave as if this catch-all route did not exist.
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        if (!RequestValidation.IsValidGrpcRequest(httpContext)) return Task.CompletedTask;
        var response = httpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = "12";
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(message);
        return Task.CompletedTask;
    };
}
