using System.Net;
using OneStop.Gateway.Tests.Support;
using OneStop.Grpc.InteropServer;

namespace OneStop.Gateway.Tests;

/// <summary>
/// CORS is off: no origin is granted anything, on either port. A browser from another site may neither call the gRPC
/// entry nor read the web front's answers (a test without an Origin header could not tell, so each request has one).
/// </summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string ForeignOrigin = "https://evil.example";
    private InteropServerHost _backend = null!;
    private GatewayTestHost _gateway = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _backend = await InteropServerHost.StartAsync(0);
        _gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", new Uri($"http://127.0.0.1:{_backend.Port}")));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task A_preflight_and_a_call_from_a_foreign_origin_on_the_gRPC_port_get_no_grant()
    {
        using var preflight = Preflight(new Uri(_gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall"), HttpVersion.Version20);
        using var preflightResponse = await _http.SendAsync(preflight);
        AssertNoGrant(preflightResponse);
        Assert.NotEqual(HttpStatusCode.OK, preflightResponse.StatusCode);

        var call = ForwardingTests.GrpcPost(_gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall", [0, 0, 0, 0, 0]);
        call.Headers.TryAddWithoutValidation("origin", ForeignOrigin);
        using var callResponse = await _http.SendAsync(call);
        await callResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, callResponse.StatusCode); // the call itself is served (a token decides, not the origin) …
        AssertNoGrant(callResponse); // … but a browser on another site may not read it
    }

    [Fact]
    public async Task A_preflight_and_a_page_request_from_a_foreign_origin_on_the_web_port_get_no_grant()
    {
        using var preflight = Preflight(new Uri(_gateway.WebAddress, "/staff/signin"), HttpVersion.Version11);
        using var preflightResponse = await _http.SendAsync(preflight);
        AssertNoGrant(preflightResponse);

        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(_gateway.WebAddress, "/staff/signin"));
        page.Headers.TryAddWithoutValidation("origin", ForeignOrigin);
        using var pageResponse = await _http.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        AssertNoGrant(pageResponse);
    }

    private static HttpRequestMessage Preflight(Uri uri, Version version)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, uri) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation("origin", ForeignOrigin);
        request.Headers.TryAddWithoutValidation("access-control-request-method", "POST");
        request.Headers.TryAddWithoutValidation("access-control-request-headers", "content-type,x-grpc-web,authorization");
        return request;
    }

    private static void AssertNoGrant(HttpResponseMessage response)
    {
        var names = response.Headers.Concat(response.Content.Headers).Select(h => h.Key.ToLowerInvariant()).ToList();
        Assert.DoesNotContain(names, name => name.StartsWith("access-control-", StringComparison.Ordinal));
    }
}
