using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using OneStop.Gateway.Forwarding.Protocol;

namespace OneStop.Gateway.Forwarding.Edge;

/// <summary>
/// gRPC errors written by the gateway itself. gRPC clients read grpc-status, not the HTTP status, so a refused or
/// failed call is an HTTP 200 carrying a status, never a bare 401, 429 or 502.
/// </summary>
public static class GrpcStatusResponses
{
    public static bool IsGrpcRequest(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Trailers-Only response: one HEADERS frame with the status and END_STREAM.</summary>
    public static Task WriteTrailersOnlyAsync(HttpContext context, StatusCode status, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncoding.Encode(message);
        return response.CompleteAsync();
    }

    /// <summary>
    /// Ends a response whose headers are already sent: the status goes into the trailers, unless the backend's
    /// own trailers (with its grpc-status) are already there.
    /// </summary>
    public static void AppendStatusTrailers(HttpContext context, StatusCode status, string message)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null || trailers.IsReadOnly || trailers.ContainsKey("grpc-status")) return;
        trailers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        trailers["grpc-message"] = PercentEncoding.Encode(message);
    }
}
