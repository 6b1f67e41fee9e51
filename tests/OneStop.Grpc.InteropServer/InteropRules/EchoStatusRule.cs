using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Grpc.InteropServer.InteropRules;

/// <summary>The spec's Echo Status: a request with <c>response_status</c> ends the call with that code and message.</summary>
public static class EchoStatusRule
{
    public static void ThrowIfRequested(EchoStatus? responseStatus)
    {
        // Code 0 means "no status asked for": OK is the normal ending anyway.
        if (responseStatus is null || responseStatus.Code == 0) return;
        throw new RpcException(new Status((StatusCode)responseStatus.Code, responseStatus.Message));
    }
}
