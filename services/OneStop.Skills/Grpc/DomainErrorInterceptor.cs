using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Skills.Domain;
using OneStop.ServiceDefaults.Grpc;

namespace OneStop.Skills.Grpc;

/// <summary>Maps domain refusals and write conflicts to gRPC status codes, in one place for every RPC.</summary>
public sealed class DomainErrorInterceptor : ExceptionMappingInterceptor
{
    protected override RpcException? ToRpc(Exception exception) => exception switch
    {
        DomainException e => new RpcException(new Status(e.Code switch
        {
            DomainErrorCode.InvalidArgument => StatusCode.InvalidArgument,
            DomainErrorCode.PermissionDenied => StatusCode.PermissionDenied,
            DomainErrorCode.NotFound => StatusCode.NotFound,
            DomainErrorCode.Aborted => StatusCode.Aborted,
            DomainErrorCode.AlreadyExists => StatusCode.AlreadyExists,
            _ => StatusCode.FailedPrecondition,
        }, e.Message)),
        // Another command changed the same row between our read and our write (the version is the concurrency token).
        DbUpdateConcurrencyException => new RpcException(new Status(StatusCode.Aborted, "The record was changed by another writer; read it again.")),
        _ => null,
    };
}
