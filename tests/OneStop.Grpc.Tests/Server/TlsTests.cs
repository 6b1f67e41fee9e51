using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Server;

/// <summary>gRPC over TLS: Kestrel negotiates h2 by ALPN, the client talks https with call credentials.</summary>
public class TlsTests
{
    [Fact]
    public async Task Unary_call_over_TLS_with_call_credentials()
    {
        using var certificate = SelfSignedCertificate.ForLocalhost();
        string? authorization = null;
        string? protocol = null;
        var script = new Script
        {
            Unary = (_, context) =>
            {
                authorization = context.RequestHeaders.GetValue("authorization");
                protocol = context.GetHttpContext().Request.Protocol;
                return Task.FromResult(new SimpleResponse { Hostname = "tls" });
            },
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o =>
        {
            o.Protocols = HttpProtocols.Http1AndHttp2;
            o.UseHttps(certificate);
        }));
        builder.Services.AddSingleton(script);
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        app.MapGrpcService<ScriptedTestService>();
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString();
        var credentials = CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", "Bearer abc"); return Task.CompletedTask; });
        using var channel = GrpcChannel.ForAddress($"https://localhost:{port}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, credentials),
        });

        var response = await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest());

        Assert.Equal("tls", response.Hostname);
        Assert.Equal("Bearer abc", authorization);
        Assert.Equal("HTTP/2", protocol);
        await app.StopAsync();
    }
}
