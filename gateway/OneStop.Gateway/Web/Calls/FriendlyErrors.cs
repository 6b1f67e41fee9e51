using Grpc.Core;

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
        logger.LogWarning("Service call failed: {Status} {Detail}", e.StatusCode, e.Status.Detail);
        return text[TextKey(e)];
    }
}
