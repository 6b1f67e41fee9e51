using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Server;

/// <summary>Unary calls end to end: our client, our server, real HTTP/2 on loopback.</summary>
public class UnaryCallTests
{
    [Fact]
    public async Task Request_and_response_payloads_round_trip()
    {
        var script = new Script { Unary = (r, _) => Task.FromResult(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[r.ResponseSize]) } }) };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var client = new TestService.TestServiceClient(channel);

        var response = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = new Payload { Body = ByteString.CopyFrom(new byte[271828]) } });

        Assert.Equal(314159, response.Payload.Body.Length);
    }

    [Fact]
    public async Task Blocking_unary_call_works()
    {
        var script = new Script { Unary = (r, _) => Task.FromResult(new SimpleResponse { Hostname = "h-" + r.ResponseSize }) };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var client = new TestService.TestServiceClient(channel);

        // On a pool thread: the blocking API must not need the caller's thread to complete.
        var response = await Task.Run(() => client.UnaryCall(new SimpleRequest { ResponseSize = 7 }));

        Assert.Equal("h-7", response.Hostname);
    }

    [Fact]
    public async Task Metadata_travels_both_ways_including_binary_entries()
    {
        Metadata? seen = null;
        var script = new Script
        {
            Unary = async (_, context) =>
            {
                seen = context.RequestHeaders;
                await context.WriteResponseHeadersAsync(new Metadata { { "x-initial", "hello" }, { "x-initial-bin", new byte[] { 0, 1, 254, 255 } } });
                context.ResponseTrailers.Add("x-trailer", "bye");
                context.ResponseTrailers.Add("x-trailer-bin", new byte[] { 9, 8, 7 });
                return new SimpleResponse();
            },
        };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var client = new TestService.TestServiceClient(channel);

        using var call = client.UnaryCallAsync(new SimpleRequest(), new Metadata { { "x-request", "abc" }, { "x-request-bin", new byte[] { 1, 2, 3 } } });
        await call;
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("abc", seen!.GetValue("x-request"));
        Assert.Equal(new byte[] { 1, 2, 3 }, seen.GetValueBytes("x-request-bin"));
        Assert.Null(seen.Get("content-type"));
        Assert.Null(seen.Get("te"));
        Assert.Equal("hello", headers.GetValue("x-initial"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, headers.GetValueBytes("x-initial-bin"));
        Assert.Equal("bye", call.GetTrailers().GetValue("x-trailer"));
        Assert.Equal(new byte[] { 9, 8, 7 }, call.GetTrailers().GetValueBytes("x-trailer-bin"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task RpcException_status_and_trailers_reach_the_client()
    {
        const string message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
        var script = new Script { Unary = (_, _) => throw new RpcException(new Status(StatusCode.FailedPrecondition, message), new Metadata { { "x-why", "because" } }) };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
        Assert.Equal("because", ex.Trailers.GetValue("x-why"));
    }

    [Fact]
    public async Task Unhandled_exceptions_are_UNKNOWN_without_details_by_default()
    {
        var script = new Script { Unary = (_, _) => throw new InvalidOperationException("secret connection string") };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.DoesNotContain("secret", ex.Status.Detail);
    }

    [Fact]
    public async Task Detailed_errors_include_the_exception_message_when_enabled()
    {
        var script = new Script { Unary = (_, _) => throw new InvalidOperationException("the detail") };
        await using var host = await ScriptedHost.StartAsync(script, o => o.EnableDetailedErrors = true);
        using var channel = host.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Contains("InvalidOperationException: the detail", ex.Status.Detail);
    }

    [Fact]
    public async Task Unknown_service_and_unknown_method_are_UNIMPLEMENTED()
    {
        await using var host = await ScriptedHost.StartAsync(new Script());
        using var channel = host.CreateChannel();

        var unimplementedMethod = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnimplementedCallAsync(new Empty()).ResponseAsync);
        var unimplementedService = await Assert.ThrowsAsync<RpcException>(() => new UnimplementedService.UnimplementedServiceClient(channel).UnimplementedCallAsync(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, unimplementedMethod.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, unimplementedService.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_get_UNIMPLEMENTED_naming_method_or_service_and_non_grpc_requests_a_plain_404()
    {
        await using var host = await ScriptedHost.StartAsync(new Script());
        using var raw = new RawGrpcClient(host.Address);
        var frame = RawGrpcClient.Frame([]);

        var unknownMethod = await raw.SendAsync("/grpc.testing.TestService/NoSuchMethod", frame);
        var unknownService = await raw.SendAsync("/no.such.Service/Call", frame);
        var notGrpc = await raw.SendAsync("/no.such.Service/Call", frame, contentType: "application/json");

        Assert.Equal(12, unknownMethod.GrpcStatus);
        Assert.Equal("Method is unimplemented.", unknownMethod.GrpcMessage);
        Assert.True(unknownMethod.Headers.ContainsKey("grpc-status"), "Trailers-Only expected");
        Assert.Equal(12, unknownService.GrpcStatus);
        Assert.Equal("Service is unimplemented.", unknownService.GrpcMessage);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, notGrpc.HttpStatus);
        Assert.Null(notGrpc.GrpcStatus);
    }

    [Fact]
    public async Task A_new_service_instance_and_DI_scope_serve_each_call()
    {
        var script = new Script { Unary = (_, context) => Task.FromResult(new SimpleResponse { Hostname = context.GetHttpContext().RequestServices.GetRequiredService<ScopedCounter>().Id.ToString() }) };
        await using var host = await ScriptedHost.StartAsync(script, services: s => s.AddScoped<ScopedCounter>());
        using var channel = host.CreateChannel();
        var client = new TestService.TestServiceClient(channel);

        var first = (await client.UnaryCallAsync(new SimpleRequest())).Hostname;
        var second = (await client.UnaryCallAsync(new SimpleRequest())).Hostname;

        Assert.NotEqual(first, second);
        // The request scope ends after the response is on its way, so the client may see the reply first:
        // wait (bounded) for both scopes to be disposed.
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (ScopedCounter.Disposed(first, second) < 2 && DateTime.UtcNow < giveUp) await Task.Delay(20);
        Assert.Equal(2, ScopedCounter.Disposed(first, second));
    }

    public sealed class ScopedCounter : IDisposable
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> DisposedIds = new();
        public Guid Id { get; } = Guid.NewGuid();
        public void Dispose() => DisposedIds[Id] = true;
        public static int Disposed(params string[] ids) => ids.Count(id => DisposedIds.ContainsKey(Guid.Parse(id)));
    }
}
