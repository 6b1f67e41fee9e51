using Grpc.Core;
using Polly.Timeout;

namespace OneStop.ServiceDefaults.Resilience;

/// <summary>
/// Which failures of an outbound call are worth retrying or counting against a circuit: the peer or the network
/// failed, not the request. Domain answers (InvalidArgument, Aborted, NotFound, …) are never transient, and
/// DeadlineExceeded is the caller's own budget running out, so retrying it would only overrun that budget.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.ResourceExhausted,
        TimeoutRejectedException => true,
        HttpRequestException => true,
        IOException => true,
        StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException => true,
        _ => false,
    };
}
