using Grpc.Core;
using Grpc.Core.Interceptors;
using OneStop.ServiceDefaults.Logging;

namespace OneStop.ServiceDefaults.Grpc;

/// <summary>
/// Turns a service's own exceptions (domain refusals, data conflicts) into gRPC statuses in one place, for every
/// method type. A service derives from it and says only how its exceptions map; anything it does not map is
/// left alone (the runtime answers UNKNOWN).
/// </summary>
/// <remarks>
/// A mapped status is an expected client error: grpc-dotnet logs its detail at Information without a stack trace.
/// The detail may repeat a value the client sent ("appointment '…' does not exist."), so it is cut to
/// <see cref="MaxDetailLength"/> characters with control characters escaped (<see cref="LogValue"/>): a client can
/// neither flood the log nor forge lines in it, whatever a service puts into its messages.
/// </remarks>
public abstract class ExceptionMappingInterceptor : Interceptor
{
    public const int MaxDetailLength = 300;

    /// <summary>The status for <paramref name="exception"/>, or null when this service does not map it.</summary>
    protected abstract RpcException? ToRpc(Exception exception);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex) is { } rpc)
        {
            throw Safe(rpc);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex) is { } rpc)
        {
            throw Safe(rpc);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex) is { } rpc)
        {
            throw Safe(rpc);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToRpc(ex) is { } rpc)
        {
            throw Safe(rpc);
        }
    }

    private static RpcException Safe(RpcException rpc) =>
        new(new Status(rpc.StatusCode, LogValue.Safe(rpc.Status.Detail, MaxDetailLength)), rpc.Trailers);
}
