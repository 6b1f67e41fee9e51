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

    public static string Describe(RpcException e, Text.UiText text, ILogger logger)
    {
        logger.LogWarning("Service call failed: {Status} {Detail}", e.StatusCode, e.Status.Detail);
        return text[TextKey(e)];
    }
}
