using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Testing;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Server;

public class CompressionAndLimitTests
{
    private static SimpleRequest RequestOf(int size) => new() { Payload = new Payload { Body = ByteString.CopyFrom(new byte[size]) } };

    [Fact]
    public async Task A_compressed_request_is_seen_as_compressed_and_decoded()
    {
        bool? compressed = null;
        var script = new Script { Unary = (r, context) => { compressed = context.IsLastRequestMessageCompressed(); return Task.FromResult(new SimpleResponse { Hostname = r.Payload.Body.Length.ToString() }); } };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var client = new TestService.TestServiceClient(channel);

        var gzip = await client.UnaryCallAsync(RequestOf(10_000), new Metadata { { "grpc-internal-encoding-request", "gzip" } });
        Assert.True(compressed);
        Assert.Equal("10000", gzip.Hostname);

        await client.UnaryCallAsync(RequestOf(10_000));
        Assert.False(compressed);
    }

    [Fact]
    public async Task The_server_compresses_responses_when_configured_and_accepted()
    {
        var script = new Script { Unary = (_, _) => Task.FromResult(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[50_000]) } }) };
        await using var host = await ScriptedHost.StartAsync(script, o => o.ResponseCompressionAlgorithm = "gzip");
        using var raw = new RawGrpcClient(host.Address);
        var frame = RawGrpcClient.Frame(new SimpleRequest().ToByteArray());

        var accepted = await raw.SendAsync("/grpc.testing.TestService/UnaryCall", frame, [new("grpc-accept-encoding", "identity,gzip")]);
        var notAccepted = await raw.SendAsync("/grpc.testing.TestService/UnaryCall", frame);

        Assert.Equal("gzip", accepted.Headers["grpc-encoding"]);
        Assert.Equal(1, accepted.Body[0]);
        Assert.True(accepted.Body.Length < 1000, $"{accepted.Body.Length} bytes is not compressed");
        Assert.False(notAccepted.Headers.ContainsKey("grpc-encoding"));
        Assert.Equal(0, notAccepted.Body[0]);

        using var channel = host.CreateChannel();
        var viaClient = await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest());
        Assert.Equal(50_000, viaClient.Payload.Body.Length);
    }

    [Fact]
    public async Task A_request_over_the_server_limit_is_RESOURCE_EXHAUSTED()
    {
        await using var host = await ScriptedHost.StartAsync(new Script(), o => o.MaxReceiveMessageSize = 64 * 1024);
        using var channel = host.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(RequestOf(100_000)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task The_default_limit_is_4_MiB_both_ways()
    {
        var script = new Script { Unary = (r, _) => Task.FromResult(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[r.ResponseSize]) } }) };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = null, MaxReceiveMessageSize = null });
        var client = new TestService.TestServiceClient(channel);

        var tooBigRequest = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(RequestOf(4 * 1024 * 1024 + 10)).ResponseAsync);
        var tooBigResponse = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(new SimpleRequest { ResponseSize = 4 * 1024 * 1024 + 10 }).ResponseAsync);
        var justUnder = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 4 * 1024 * 1024 - 10 });

        Assert.Equal(StatusCode.ResourceExhausted, tooBigRequest.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, tooBigResponse.StatusCode);
        Assert.Equal(4 * 1024 * 1024 - 10, justUnder.Payload.Body.Length);
    }

    [Fact]
    public async Task The_client_refuses_responses_over_its_receive_limit_and_requests_over_its_send_limit()
    {
        var script = new Script { Unary = (r, _) => Task.FromResult(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[r.ResponseSize]) } }) };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000, MaxSendMessageSize = 1000 });
        var client = new TestService.TestServiceClient(channel);

        var receive = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(new SimpleRequest { ResponseSize = 2000 }).ResponseAsync);
        var send = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(RequestOf(2000)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, receive.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, send.StatusCode);
        Assert.Equal(1, script.Calls); // the oversize request never reached the server
    }
}
