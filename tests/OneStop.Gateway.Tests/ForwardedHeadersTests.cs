using Microsoft.AspNetCore.Http;
using OneStop.Gateway.Forwarding;

namespace OneStop.Gateway.Tests;

/// <summary>
/// The header rules themselves, on requests HTTP/2 clients cannot even send (connection-specific headers are illegal
/// there, so an end-to-end test could not show them being dropped).
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public void Hop_by_hop_and_gateway_owned_headers_stay_behind_and_te_becomes_trailers()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("192.0.2.10");
        context.Request.Scheme = "http";
        var headers = context.Request.Headers;
        headers["Connection"] = "keep-alive, x-secret";
        headers["Keep-Alive"] = "timeout=5";
        headers["TE"] = "gzip";
        headers["Proxy-Authorization"] = "Basic Zm9vOmJhcg==";
        headers["Transfer-Encoding"] = "chunked";
        headers["Upgrade"] = "h2c";
        headers["Content-Length"] = "5";
        headers["grpc-timeout"] = "1S";
        headers["X-Forwarded-For"] = "203.0.113.66";
        headers["X-Forwarded-Host"] = "evil.example";
        headers["Authorization"] = "Bearer t";
        headers["Content-Type"] = "application/grpc";
        headers["x-agency-trace"] = "abc";
        using var message = new HttpRequestMessage { Content = new ByteArrayContent([]) };

        ForwardedHeaders.CopyRequestHeaders(context.Request, message);

        string? Value(string name) =>
            message.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : message.Content!.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
        foreach (var dropped in new[] { "Connection", "Keep-Alive", "Proxy-Authorization", "Transfer-Encoding", "Upgrade", "Content-Length", "grpc-timeout",
                     "X-Forwarded-For", "X-Forwarded-Host" })
        {
            Assert.True(Value(dropped) is null, $"{dropped} was forwarded");
        }
        Assert.Equal("trailers", Value("TE"));
        Assert.Equal("Bearer t", Value("Authorization"));
        Assert.Equal("application/grpc", Value("Content-Type"));
        Assert.Equal("abc", Value("x-agency-trace"));
    }
}
