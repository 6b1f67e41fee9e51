using Grpc.Core;
using OneStop.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Data;
using OneStop.Appointments.Domain;

namespace OneStop.Appointments.Grpc;

/// <summary>Maps domain refusals and data conflicts to gRPC status codes, in one place for every RPC (docs/architecture.md).</summary>
public sealed class DomainErrorInterceptor : ExceptionMappingInterceptor
{
    protected override RpcException? ToRpc(Exception exception) => exception switch
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
