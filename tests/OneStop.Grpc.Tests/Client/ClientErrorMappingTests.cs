using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Client;

/// <summary>How the client turns what a (misbehaving) server or the network does into a status.</summary>
public class ClientErrorMappingTests
{
    private static Task<TestHost> PlainHttpServer(RequestDelegate handler) =>
        TestHost.StartAsync(s => s.AddRouting(), e => e.MapPost("/grpc.testing.TestService/UnaryCall", handler));

    private static async Task<RpcException> CallAsync(TestHost host)
    {
        using var channel = host.CreateChannel();
        return await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);
    }

    [Theory]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(500, StatusCode.Unknown)]
    public async Task Without_grpc_status_the_HTTP_status_is_mapped(int httpStatus, StatusCode expected)
    {
        await using var host = await PlainHttpServer(context => { context.Response.StatusCode = httpStatus; return Task.CompletedTask; });
        Assert.Equal(expected, (await CallAsync(host)).StatusCode);
    }

    [Fact]
    public async Task A_200_response_without_any_status_is_INTERNAL()
    {
        await using var host = await PlainHttpServer(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 0 });
        });
        Assert.Equal(StatusCode.Internal, (await CallAsync(host)).StatusCode);
    }

    [Fact]
    public async Task A_non_grpc_content_type_is_INTERNAL()
    {
        await using var host = await PlainHttpServer(context => context.Response.WriteAsync("<html>proxy error</html>"));
        var ex = await CallAsync(host);
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("content-type", ex.Status.Detail);
    }

    [Fact]
    public async Task A_status_in_the_headers_is_read_as_Trailers_Only()
    {
        await using var host = await PlainHttpServer(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "7";
            context.Response.Headers["grpc-message"] = "not%20yours";
            context.Response.Headers["x-reason"] = "owner";
            return Task.CompletedTask;
        });
        var ex = await CallAsync(host);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("not yours", ex.Status.Detail);
        Assert.Equal("owner", ex.Trailers.GetValue("x-reason"));
    }

    [Fact]
    public async Task A_Trailers_Only_OK_for_a_unary_call_is_INTERNAL()
    {
        await using var host = await PlainHttpServer(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "0";
            return Task.CompletedTask;
        });
        Assert.Equal(StatusCode.Internal, (await CallAsync(host)).StatusCode);
    }

    [Fact]
    public async Task A_refused_connection_is_UNAVAILABLE()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task Call_credentials_are_refused_over_h2c_unless_allowed()
    {
        string? seen = null;
        var script = new Script { Unary = (_, context) => { seen = context.RequestHeaders.GetValue("authorization"); return Task.FromResult(new SimpleResponse()); } };
        await using var host = await ScriptedHost.StartAsync(script);
        var credentials = CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", "Bearer t0k3n"); return Task.CompletedTask; });

        using (var strict = host.CreateChannel())
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(strict).UnaryCallAsync(new SimpleRequest(), new CallOptions(credentials: credentials)).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
            Assert.Equal(0, script.Calls);
        }

        using var allowed = host.CreateChannel(new GrpcChannelOptions { UnsafeUseInsecureChannelCallCredentials = true });
        await new TestService.TestServiceClient(allowed).UnaryCallAsync(new SimpleRequest(), new CallOptions(credentials: credentials));
        Assert.Equal("Bearer t0k3n", seen);
    }

    [Fact]
    public async Task An_HTTP_1_request_gets_426_with_a_grpc_status()
    {
        var script = new Script();
        await using var host = await TestHost.StartAsync(s => { s.AddSingleton(script); s.AddGrpc(); }, e => e.MapGrpcService<ScriptedTestService>(),
            Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Address + "/grpc.testing.TestService/UnaryCall") { Content = new ByteArrayContent(new byte[5]) };
        request.Content.Headers.ContentType = new("application/grpc");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal(0, script.Calls);
    }
}
