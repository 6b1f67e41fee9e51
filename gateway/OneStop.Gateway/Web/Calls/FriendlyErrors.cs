using Grpc.Core;
using OneStop.ServiceDefaults.Logging;

namespace OneStop.Gateway.Web.Calls;

/// <summary>A failed service call as a localized sentence for the page; the details go to the log, never to the browser.</summary>
public static class FriendlyErrors
{
    public static string TextKey(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled => "error.unavailable",
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => "error.denied",
        StatusCode.NotFound => "error.notFound",
        StatusCode.InvalidArgument => "error.invalid",
        StatusCode.Aborted or StatusCode.AlreadyExists => "error.taken",
        StatusCode.FailedPrecondition => "error.precondition",
        _ => "error.generic",
    };

    /// <summary>The HTTP status of a page that could not show what was asked for because of <paramref name="code"/>.</summary>
    public static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string Describe(RpcException e, Text.UiText text, ILogger logger)
    {
        // What the visitor asked for was refused (expected): Information; the service failing: Warning. Never a
        // stack, and the detail can repeat what the visitor sent, so it is cut and escaped.
        var level = e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition
            or StatusCode.Aborted or StatusCode.AlreadyExists or StatusCode.PermissionDenied or StatusCode.Unauthenticated
            ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, "Service call failed: {Status} {Detail}", e.StatusCode, LogValue.Safe(e.Status.Detail));
        return text[TextKey(e)];
    }
}
