using Grpc.Core;
using OneStop.ServiceDefaults.Grpc;
using OneStop.Directory.Domain;

namespace OneStop.Directory.Grpc;

/// <summary>Maps the domain's refusals to gRPC status codes, in one place for every RPC (docs/architecture.md).</summary>
public sealed class DomainErrorInterceptor : ExceptionMappingInterceptor
{
    protected override RpcException? ToRpc(Exception exception) => exception switch
    {
        InvalidFieldException e => new RpcException(new Status(StatusCode.InvalidArgument, e.Message)),
        NotPermittedException e => new RpcException(new Status(StatusCode.PermissionDenied, e.Message)),
        StaleEtagException e => new RpcException(new Status(StatusCode.Aborted, e.Message)),
        EntryNotFoundException e => new RpcException(new Status(StatusCode.NotFound, e.Message)),
        IntegrityException e => new RpcException(new Status(StatusCode.FailedPrecondition, e.Message)),
        _ => null,
    };
}
