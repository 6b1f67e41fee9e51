using Grpc.Core;
using Grpc.Core.Interceptors;
using OneStop.Directory.Domain;

namespace OneStop.Directory.Grpc;

/// <summary>Maps the domain's refusals to gRPC status codes, in one place for every RPC (ARCHITECTURE.md).</summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ToRpc(ex) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ToRpc(ex) is { } rpc)
        {
            throw rpc;
        }
    }

    public static RpcException? ToRpc(Exception ex) => ex switch
    {
        InvalidFieldException e => new RpcException(new Status(StatusCode.InvalidArgument, e.Message)),
        NotPermittedException e => new RpcException(new Status(StatusCode.PermissionDenied, e.Message)),
        StaleEtagException e => new RpcException(new Status(StatusCode.Aborted, e.Message)),
        EntryNotFoundException e => new RpcException(new Status(StatusCode.NotFound, e.Message)),
        IntegrityException e => new RpcException(new Status(StatusCode.FailedPrecondition, e.Message)),
        _ => null,
    };
}
