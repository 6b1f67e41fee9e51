using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Server;

/// <summary>
/// Answers gRPC requests that no endpoint matched with UNIMPLEMENTED (Trailers-Only). It is the last step of the
/// pipeline, so it costs nothing on calls that did match — catch-all routes would be candidates on every call.
/// </summary>
internal sealed class UnimplementedFallback(GrpcServiceRegistry registry, IOptions<GrpcServiceOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        if (!options.Value.IgnoreUnknownServices) app.Run(AnswerAsync);
    };

    private Task AnswerAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            // Not gRPC: the app's usual "not found".
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        if (!RequestValidation.IsValidGrpcRequest(httpContext)) return Task.CompletedTask;

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = "12";
        response.Headers[GrpcProtocol.MessageHeader] = registry.Contains(ServiceName(request.Path))
            ? "Method is unimplemented."
            : "Service is unimplemented.";
        return Task.CompletedTask;
    }

    /// <summary>"/package.Service/Method" → "package.Service".</summary>
    private static string ServiceName(PathString path)
    {
        var value = path.Value ?? "";
        var end = value.IndexOf('/', 1);
        return end > 1 ? value[1..end] : value.TrimStart('/');
    }
}
