using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace OneStop.Grpc.Reflection;

/// <summary><c>grpc.reflection.v1alpha.ServerReflection</c>: one response per request until the client half-closes.</summary>
internal sealed class ServerReflectionV1AlphaService(DescriptorIndexProvider indexProvider) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var response = ReflectionRequestHandler.Handle(requestStream.Current, indexProvider.GetIndex());
            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
