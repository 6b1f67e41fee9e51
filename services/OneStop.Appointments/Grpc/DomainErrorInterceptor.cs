using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Data;
using OneStop.Appointments.Domain;

namespace OneStop.Appointments.Grpc;

/// <summary>Maps domain refusals and data conflicts to gRPC status codes, in one place for every RPC (ARCHITECTURE.md).</summary>
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
        DomainException e => new RpcException(new Status(e.Code switch
        {
            DomainErrorCode.InvalidArgument => StatusCode.InvalidArgument,
            DomainErrorCode.PermissionDenied => StatusCode.PermissionDenied,
            _ => StatusCode.FailedPrecondition,
        }, e.Message)),
        WriteConflictException e => new RpcException(new Status(StatusCode.Aborted, e.Message)),
        // Another writer changed the same appointment or catalogue entry first (optimistic concurrency token).
        DbUpdateConcurrencyException => new RpcException(new Status(StatusCode.Aborted, "The record was changed by another writer; read it again.")),
        RecordNotFoundException e => new RpcException(new Status(StatusCode.NotFound, e.Message)),
        _ => null,
    };
}
