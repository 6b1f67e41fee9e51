using Google.Protobuf;
using Grpc.Net.Client;
using Grpc.Testing;

namespace OneStop.Interop.Tests.Interop;

/// <summary>
/// A request stream that goes quiet must stay open: Kestrel's minimum request body data rate would otherwise reset
/// the whole HTTP/2 connection about 5 s into the silence (regression test for StreamingRequestLimits).
/// </summary>
public sealed class IdleRequestStream(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    [Fact]
    public async Task Duplex_call_survives_eight_quiet_seconds()
    {
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions());
        var client = new TestService.TestServiceClient(channel);
        using var call = client.FullDuplexCall(deadline: DateTime.UtcNow.AddSeconds(30));

        await call.RequestStream.WriteAsync(Request(5));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        await Task.Delay(TimeSpan.FromSeconds(8));

        await call.RequestStream.WriteAsync(Request(7));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(7, call.ResponseStream.Current.Payload.Body.Length);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    private static StreamingOutputCallRequest Request(int responseSize)
    {
        var request = new StreamingOutputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[16]) } };
        request.ResponseParameters.Add(new ResponseParameters { Size = responseSize });
        return request;
    }
}
