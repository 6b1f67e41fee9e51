using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// Refuses every request whose Authorization header does not carry a valid bearer token, before any endpoint runs:
/// without it an endpoint that admits anonymous callers (the directory's reads, the gateway's public routes) would
/// answer a forged or expired token as if none had been sent. gRPC calls get UNAUTHENTICATED, other requests 401;
/// both with the RFC 6750 challenge (<see cref="BearerRefusal"/>).
/// </summary>
internal sealed class PresentedTokenCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count == 0 || await BearerRefusal.CheckPresentedTokenAsync(context) is not { } refusal)
        {
            await next(context);
            return;
        }
        var response = context.Response;
        response.Headers[HeaderNames.WWWAuthenticate] = refusal.WwwAuthenticate;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Trailers-Only, as grpc-dotnet answers a refused call itself. The messages are fixed ASCII texts, so
            // they need no percent-encoding.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "16"; // UNAUTHENTICATED
            response.Headers["grpc-message"] = refusal.Message;
            await response.CompleteAsync();
            return;
        }
        response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
