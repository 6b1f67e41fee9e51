using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Server;

public class StreamingCallTests
{
    private static StreamingOutputCallResponse Sized(int size) => new() { Payload = new Payload { Body = ByteString.CopyFrom(new byte[size]) } };

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order_then_OK()
    {
        var script = new Script
        {
            ServerStreaming = async (request, stream, _) =>
            {
                foreach (var p in request.ResponseParameters) await stream.WriteAsync(Sized(p.Size));
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var request = new StreamingOutputCallRequest();
        foreach (var size in new[] { 31415, 9, 2653, 58979 }) request.ResponseParameters.Add(new ResponseParameters { Size = size });

        using var call = new TestService.TestServiceClient(channel).StreamingOutputCall(request);
        var sizes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync()) sizes.Add(response.Payload.Body.Length);

        Assert.Equal(new[] { 31415, 9, 2653, 58979 }, sizes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming_aggregates_every_request()
    {
        var script = new Script
        {
            ClientStreaming = async (requests, _) =>
            {
                var total = 0;
                await foreach (var request in requests.ReadAllAsync()) total += request.Payload.Body.Length;
                return new StreamingInputCallResponse { AggregatedPayloadSize = total };
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        using var call = new TestService.TestServiceClient(channel).StreamingInputCall();
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[size]) } });
        }
        await call.RequestStream.CompleteAsync();

        Assert.Equal(74922, (await call).AggregatedPayloadSize);
    }

    [Fact]
    public async Task Duplex_ping_pong_and_an_empty_stream()
    {
        var script = new Script
        {
            Duplex = async (requests, responses, _) =>
            {
                await foreach (var request in requests.ReadAllAsync()) await responses.WriteAsync(Sized(request.ResponseParameters[0].Size));
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var client = new TestService.TestServiceClient(channel);

        using (var call = client.FullDuplexCall())
        {
            foreach (var size in new[] { 31415, 9, 2653, 58979 })
            {
                var request = new StreamingOutputCallRequest();
                request.ResponseParameters.Add(new ResponseParameters { Size = size });
                await call.RequestStream.WriteAsync(request);
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                Assert.Equal(size, call.ResponseStream.Current.Payload.Body.Length);
            }
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        }

        using var empty = client.FullDuplexCall();
        await empty.RequestStream.CompleteAsync();
        Assert.False(await empty.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, empty.GetStatus().StatusCode);
    }

    [Fact]
    public async Task An_error_after_messages_arrives_in_the_trailers()
    {
        var script = new Script
        {
            ServerStreaming = async (_, stream, _) =>
            {
                await stream.WriteAsync(Sized(1));
                throw new RpcException(new Status(StatusCode.Aborted, "conflict"));
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        using var call = new TestService.TestServiceClient(channel).StreamingOutputCall(new StreamingOutputCallRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("conflict", ex.Status.Detail);
    }

    [Fact]
    public async Task An_error_before_any_message_is_a_Trailers_Only_response()
    {
        var script = new Script { Unary = (_, _) => throw new RpcException(new Status(StatusCode.NotFound, "no such client")) };
        await using var host = await ScriptedHost.StartAsync(script);
        using var raw = new RawGrpcClient(host.Address);

        var response = await raw.SendAsync("/grpc.testing.TestService/UnaryCall", RawGrpcClient.Frame(new SimpleRequest().ToByteArray()));

        Assert.Equal(5, response.GrpcStatus);
        Assert.True(response.Headers.ContainsKey("grpc-status"), response.ToString());
        Assert.Empty(response.Trailers);
        Assert.Empty(response.Body);
        Assert.Equal("application/grpc", response.Headers["content-type"]);
    }

    [Fact]
    public async Task Response_headers_are_held_until_the_first_message()
    {
        var release = new TaskCompletionSource();
        var script = new Script
        {
            ServerStreaming = async (_, stream, _) =>
            {
                await release.Task;
                await stream.WriteAsync(Sized(3));
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        using var call = new TestService.TestServiceClient(channel).StreamingOutputCall(new StreamingOutputCallRequest());
        var headers = call.ResponseHeadersAsync;
        await Task.Delay(300);
        Assert.False(headers.IsCompleted, "headers went out before any message");

        release.SetResult();
        await headers.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task More_than_100_concurrent_streams_open_more_connections()
    {
        const int streams = 150;
        var connections = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var allStarted = new TaskCompletionSource();
        var started = 0;
        var script = new Script
        {
            Duplex = async (requests, responses, context) =>
            {
                connections[context.GetHttpContext().Connection.Id] = true;
                // Read the request first, as a real service does: the server must not end a stream the client is still writing.
                Assert.True(await requests.MoveNext(context.CancellationToken));
                if (Interlocked.Increment(ref started) == streams) allStarted.TrySetResult();
                // Every stream stays open until all of them are open at once.
                await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), context.CancellationToken);
                await responses.WriteAsync(Sized(1));
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var client = new TestService.TestServiceClient(channel);

        var calls = Enumerable.Range(0, streams).Select(async _ =>
        {
            using var call = client.FullDuplexCall(deadline: DateTime.UtcNow.AddSeconds(60));
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest());
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        }).ToArray();
        await Task.WhenAll(calls);

        Assert.True(connections.Count >= 2, $"{streams} concurrent streams used {connections.Count} connection(s)");
    }
}
