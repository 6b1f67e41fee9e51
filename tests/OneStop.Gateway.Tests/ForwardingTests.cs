using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Gateway.Tests.Support;

namespace OneStop.Gateway.Tests;

/// <summary>What crosses the gateway: headers, trailers, Trailers-Only responses, many streams at once.</summary>
public sealed class ForwardingTests(InteropGatewayFixture fixture) : IClassFixture<InteropGatewayFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Headers_reach_the_backend_without_hop_by_hop_ones_and_with_te_trailers()
    {
        await using var backend = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        // A valid token: one that fails is refused at the gateway even on an anonymous route.
        var token = OneStop.ServiceDefaults.Identity.DevelopmentTokens.Create("agency-1", "org-1", "05766", ["agency-system"]);
        var client = new TestService.TestServiceClient(gateway.CallInvoker(token));

        await client.EmptyCallAsync(new Empty(), new Metadata { { "x-agency-trace", "abc" }, { "x-forwarded-for", "203.0.113.66" } },
            deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.True(backend.ReceivedHeaders.TryDequeue(out var headers));
        Assert.Equal("abc", headers["x-agency-trace"]);
        Assert.Equal("Bearer " + token, headers["authorization"]); // services validate the token themselves
        Assert.Equal("trailers", headers["te"]);
        Assert.False(headers.ContainsKey("x-forwarded-for")); // neither the client's value nor its address (privacy)
        Assert.Equal(backend.Address.Authority, headers.Host.ToString());
    }

    [Fact]
    public async Task A_Trailers_Only_response_stays_Trailers_Only()
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = RawBackend.TrailersOnly(5, "no such thing");
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));

        using var http = new HttpClient();
        using var response = await http.SendAsync(GrpcPost(gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall", [0, 0, 0, 0, 0]));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("no such thing", response.Headers.GetValues("grpc-message").Single());
        Assert.Empty(body);
        Assert.Empty(response.TrailingHeaders);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new TestService.TestServiceClient(gateway.CallInvoker()).EmptyCallAsync(new Empty()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Response_headers_and_each_streamed_message_reach_the_client_while_the_backend_still_holds_the_call()
    {
        // The gateway writes lazily (a unary answer leaves in one write); it must still flush before it waits, or a
        // client watching a quiet stream would see neither its headers nor the last message.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = async context =>
        {
            await RawBackend.DrainRequestAsync(context);
            context.Response.Headers["x-backend-ready"] = "yes";
            await RawBackend.WriteHeadersAsync(context);
            await context.Response.Body.FlushAsync(context.RequestAborted); // the HEADERS frame leaves now
            await release.Task.WaitAsync(context.RequestAborted);
            await RawBackend.WriteMessageAsync(context, new Google.Protobuf.WellKnownTypes.Empty());
            await Task.Delay(Timeout.Infinite, context.RequestAborted); // the call stays open
        };
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        using var http = new HttpClient();
        using var timeout = new CancellationTokenSource(Bound);

        using var response = await http.SendAsync(GrpcPost(gateway.GrpcAddress, "/grpc.testing.TestService/StreamingOutputCall", [0, 0, 0, 0, 0]),
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("yes", response.Headers.GetValues("x-backend-ready").Single()); // before any message was written

        release.SetResult();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var frame = new byte[5];
        await body.ReadExactlyAsync(frame, timeout.Token); // the empty message, while the backend still holds the call
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, frame);
    }

    [Fact]
    public async Task A_client_that_does_not_read_holds_the_backend_back()
    {
        // A backend with 32 MiB to stream and a client that reads nothing: the gateway must not soak it all up.
        const int Messages = 2048;
        var message = new Google.Protobuf.WellKnownTypes.BytesValue { Value = ByteString.CopyFrom(new byte[16 * 1024]) };
        long written = 0;
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = async context =>
        {
            await RawBackend.DrainRequestAsync(context);
            await RawBackend.WriteHeadersAsync(context);
            for (var i = 0; i < Messages; i++)
            {
                await RawBackend.WriteMessageAsync(context, message);
                Interlocked.Add(ref written, 5 + message.CalculateSize());
            }
            Microsoft.AspNetCore.Http.ResponseTrailerExtensions.AppendTrailer(context.Response, "grpc-status", "0");
        };
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        using var http = new HttpClient();
        using var timeout = new CancellationTokenSource(Bound);

        using var response = await http.SendAsync(GrpcPost(gateway.GrpcAddress, "/grpc.testing.TestService/StreamingOutputCall", [0, 0, 0, 0, 0]),
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        // Until the backend stops making progress (at most 20 checks, 10 s).
        var last = -1L;
        for (var check = 0; check < 20 && Interlocked.Read(ref written) != last; check++)
        {
            last = Interlocked.Read(ref written);
            await Task.Delay(500);
        }
        Assert.InRange(Interlocked.Read(ref written), 1, 16L * 1024 * 1024);
    }

    [Fact]
    public async Task A_hundred_concurrent_bidirectional_streams_all_complete()
    {
        var client = new TestService.TestServiceClient(fixture.Gateway.CallInvoker());
        var calls = Enumerable.Range(0, 100).Select(async i =>
        {
            using var call = client.FullDuplexCall(deadline: DateTime.UtcNow + Bound);
            for (var round = 1; round <= 3; round++)
            {
                var request = new StreamingOutputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[i]) } };
                request.ResponseParameters.Add(new ResponseParameters { Size = i + round });
                await call.RequestStream.WriteAsync(request);
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                Assert.Equal(i + round, call.ResponseStream.Current.Payload.Body.Length);
            }
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        });

        await Task.WhenAll(calls).WaitAsync(Bound);
    }

    [Fact]
    public async Task Web_paths_are_not_taken_by_gRPC_routes()
    {
        // Routing would answer 405 for every GET /x/y if a POST-only gRPC route were a candidate for it.
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(fixture.Gateway.WebAddress, "/css/site-that-does-not-exist.css"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_page_requested_with_a_gRPC_content_type_still_gets_the_web_security_headers()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway.WebAddress, "/staff/signin"))
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        using var response = await http.SendAsync(request);

        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"no CSP on {(int)response.StatusCode}");
    }

    internal static HttpRequestMessage GrpcPost(Uri gateway, string path, byte[] body, string contentType = "application/grpc")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }
}
