using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Grpc.Testing;
using OneStop.Gateway.Tests.Support;
using OneStop.Interop.Tests.TestSupport;

namespace OneStop.Gateway.Tests;

/// <summary>Production shape: one TLS port, ALPN choosing h2 for gRPC and http/1.1 for browsers.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task One_TLS_port_serves_gRPC_over_h2_and_the_web_over_HTTP_1_1()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"onestop-gateway-{Guid.NewGuid():N}.pfx");
        using var certificate = SelfSignedCertificate.ForLocalhost();
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test"));
        try
        {
            await using var backend = await RawBackend.StartAsync();
            await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address)
                .With("OneStop:Tls:CertificatePath", pfx)
                .With("OneStop:Tls:CertificatePassword", "test"));
            Assert.Equal("https", gateway.GrpcAddress.Scheme);
            Assert.Equal(gateway.GrpcAddress, gateway.WebAddress);
            using var handler = TrustOnly(certificate);

            using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions { HttpHandler = handler });
            await new TestService.TestServiceClient(channel).EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));
            Assert.Equal(1, backend.Calls);

            using var browser = new HttpClient(TrustOnly(certificate));
            using var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, gateway.WebAddress)
            {
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            });
            Assert.Equal(HttpVersion.Version11, page.Version);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static SocketsHttpHandler TrustOnly(X509Certificate2 certificate) => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() },
    };
}
