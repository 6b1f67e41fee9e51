using Google.Protobuf;
using Grpc.Core;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace OneStop.Gateway.Forwarding.Reflection;

/// <summary><c>grpc.reflection.v1.ServerReflection</c> at the gateway, answered by <see cref="FederatedReflection"/>.</summary>
public sealed class GatewayReflectionV1(FederatedReflection reflection) : V1.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<V1.ServerReflectionRequest> requestStream,
        IServerStreamWriter<V1.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
            await responseStream.WriteAsync(await reflection.AnswerAsync(requestStream.Current, context.CancellationToken));
    }
}

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c>, which grpcurl and older clients still ask. Its messages are v1's
/// field for field, so they are carried over as bytes rather than mapped by hand.
/// </summary>
public sealed class GatewayReflectionV1Alpha(FederatedReflection reflection) : V1Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream,
        IServerStreamWriter<V1Alpha.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = await reflection.AnswerAsync(request, context.CancellationToken);
            await responseStream.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()));
        }
    }
}
