using Google.Protobuf;
using Grpc.Core;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace OneStop.Grpc.Reflection;

/// <summary>
/// <c>grpc.reflection.v1.ServerReflection</c>. Its messages are field-for-field those of v1alpha, so each request
/// is re-read as v1alpha, answered by the same handler, and the answer re-read as v1: one implementation, two names.
/// </summary>
internal sealed class ServerReflectionV1Service(DescriptorIndexProvider indexProvider) : V1.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<V1.ServerReflectionRequest> requestStream,
        IServerStreamWriter<V1.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1Alpha.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var response = ReflectionRequestHandler.Handle(request, indexProvider.GetIndex());
            await responseStream.WriteAsync(V1.ServerReflectionResponse.Parser.ParseFrom(response.ToByteString()), context.CancellationToken)
                .ConfigureAwait(false);
        }
    }
}
