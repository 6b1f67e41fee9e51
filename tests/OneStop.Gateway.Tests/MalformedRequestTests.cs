using System.Net;
using Grpc.Core;
using Grpc.Testing;
using Google.Protobuf;
using OneStop.Gateway.Tests.Support;
using OneStop.Grpc.InteropServer;

namespace OneStop.Gateway.Tests;

/// <summary>Malformed requests get a clear answer, and the gateway keeps serving good calls after each.</summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private InteropServerHost _backend = null!;
    private GatewayTestHost _gateway = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _backend = await InteropServerHost.StartAsync(0);
        _gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", new Uri($"http://127.0.0.1:{_backend.Port}"))
            .With("ReverseProxy:Routes:testing:MaxRequestBodySize", "1024"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task A_foreign_content_type_gets_415()
    {
        using var response = await _http.SendAsync(ForwardingTests.GrpcPost(_gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall", [0, 0, 0, 0, 0], "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AGoodCallStillWorksAsync();
    }

    [Fact]
    public async Task A_GET_is_not_forwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        await AGoodCallStillWorksAsync();
    }

    [Fact]
    public async Task A_truncated_frame_gets_the_backends_INTERNAL()
    {
        using var response = await _http.SendAsync(ForwardingTests.GrpcPost(_gateway.GrpcAddress, "/grpc.testing.TestService/UnaryCall", [0, 0, 0, 0, 10, 1, 2]));
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("13", GrpcStatus(response));
        await AGoodCallStillWorksAsync();
    }

    [Fact]
    public async Task A_garbage_grpc_timeout_gets_INTERNAL_naming_it()
    {
        var request = ForwardingTests.GrpcPost(_gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall", [0, 0, 0, 0, 0]);
        request.Headers.TryAddWithoutValidation("grpc-timeout", "soon");
        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("13", GrpcStatus(response));
        Assert.Contains("grpc-timeout", Uri.UnescapeDataString(response.Headers.GetValues("grpc-message").Single()), StringComparison.Ordinal);
        await AGoodCallStillWorksAsync();
    }

    [Fact]
    public async Task A_request_over_the_routes_size_limit_gets_RESOURCE_EXHAUSTED()
    {
        var client = new TestService.TestServiceClient(_gateway.CallInvoker());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(
            new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[4096]) } }, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await AGoodCallStillWorksAsync();
    }

    [Fact]
    public async Task A_path_no_route_matches_gets_UNIMPLEMENTED()
    {
        using var response = await _http.SendAsync(ForwardingTests.GrpcPost(_gateway.GrpcAddress, "/other.v1.Nothing/Here", [0, 0, 0, 0, 0]));
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("12", GrpcStatus(response));
        await AGoodCallStillWorksAsync();
    }

    [Fact]
    public async Task HTTP_1_1_is_refused_on_the_gRPC_port()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall"))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        // Kestrel answers an HTTP/1.x request on an HTTP/2-only listener with 400 (or drops the connection).
        try
        {
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        catch (HttpRequestException)
        {
        }
        await AGoodCallStillWorksAsync();
    }

    private async Task AGoodCallStillWorksAsync()
    {
        var client = new TestService.TestServiceClient(_gateway.CallInvoker());
        var reply = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 7 }, deadline: DateTime.UtcNow.AddSeconds(20));
        Assert.Equal(7, reply.Payload.Body.Length);
    }

    private static string? GrpcStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var h) ? h.Single()
        : response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.Single() : null;
}
