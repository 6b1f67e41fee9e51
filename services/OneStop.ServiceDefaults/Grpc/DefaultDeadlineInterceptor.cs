using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OneStop.ServiceDefaults.Grpc;

/// <summary>
/// Gives an outgoing unary call that names no deadline of its own a default one, so a service that hangs cannot
/// hold its caller forever. Streaming calls are left alone: a Watch stream is meant to stay open.
/// </summary>
public sealed class DefaultDeadlineInterceptor(TimeSpan timeout) : Interceptor
{
    public TimeSpan Timeout { get; } = timeout > TimeSpan.Zero
        ? timeout
        : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A default deadline must be positive.");

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            // Real time, not an injected clock: grpc-dotnet enforces deadlines against the system clock.
            var options = context.Options.WithDeadline(DateTime.UtcNow + Timeout);
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
        }
        return continuation(request, context);
    }
}
