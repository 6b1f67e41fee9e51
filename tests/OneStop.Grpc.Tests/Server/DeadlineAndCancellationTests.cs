using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Server;

public class DeadlineAndCancellationTests
{
    [Fact]
    public async Task The_deadline_cancels_the_handler_and_the_client_gets_DEADLINE_EXCEEDED()
    {
        var script = new Script { Unary = async (_, context) => { await Task.Delay(Timeout.Infinite, context.CancellationToken); return new SimpleResponse(); } };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest(), deadline: DateTime.UtcNow.AddMilliseconds(200)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await script.HandlerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_server_ends_the_call_at_the_deadline_even_if_the_handler_ignores_its_token()
    {
        var handlerFinished = new TaskCompletionSource();
        var script = new Script
        {
            Unary = async (_, _) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3)); // deliberately ignores the token
                handlerFinished.TrySetResult();
                return new SimpleResponse();
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var raw = new RawGrpcClient(host.Address);

        // No client-side deadline here: this checks the server's own enforcement of grpc-timeout.
        var response = await raw.SendAsync("/grpc.testing.TestService/UnaryCall", RawGrpcClient.Frame(new SimpleRequest().ToByteArray()),
            [new("grpc-timeout", "200m")]);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal(4, response.GrpcStatus);
        Assert.False(handlerFinished.Task.IsCompleted, "the status must not wait for the handler");
    }

    [Fact]
    public async Task A_deadline_already_in_the_past_fails_without_a_call()
    {
        var script = new Script();
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(0, script.Calls);
    }

    [Fact]
    public async Task The_server_sees_the_client_deadline()
    {
        DateTime seen = default;
        var script = new Script { Unary = (_, context) => { seen = context.Deadline; return Task.FromResult(new SimpleResponse()); } };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var deadline = DateTime.UtcNow.AddMinutes(5);

        await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest(), deadline: deadline);

        Assert.InRange(seen, deadline.AddSeconds(-30), deadline.AddSeconds(1));
    }

    [Fact]
    public async Task Without_a_deadline_the_server_sees_DateTime_MaxValue()
    {
        DateTime seen = default;
        var script = new Script { Unary = (_, context) => { seen = context.Deadline; return Task.FromResult(new SimpleResponse()); } };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest());

        Assert.Equal(DateTime.MaxValue, seen);
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_server_handler()
    {
        var started = new TaskCompletionSource();
        var script = new Script
        {
            Duplex = async (requests, _, context) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        using var cts = new CancellationTokenSource();
        using var call = new TestService.TestServiceClient(channel).FullDuplexCall(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest());
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        cts.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await script.HandlerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
