using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OneStop.ServiceDefaults.Identity;
using OneStop.ServiceDefaults.Tests.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>
/// OneStop:Auth:Gateway: the gateway's web front as a second trusted issuer (ES256; services hold its public key
/// only), next to a real OIDC issuer or a shared key. Each issuer's tokens pass only with its own key.
/// </summary>
public sealed class GatewayIssuerTests
{
    private const string Gateway = "https://onestop.kreis.example/gateway";
    private static readonly ECDsa GatewayKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        // Services get the public key only.
        var settings = new Dictionary<string, string?>
        {
            ["OneStop:Auth:UseDevelopmentKey"] = "false",
            ["OneStop:Auth:Gateway:Issuer"] = Gateway,
            ["OneStop:Auth:Gateway:PublicKey"] = GatewayKey.ExportSubjectPublicKeyInfoPem(),
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static string GatewayToken(string subject, string role, string issuer = Gateway, SigningCredentials? credentials = null) =>
        DevelopmentTokens.Create(subject, "org-ip", "05314", [role],
            credentials ?? new SigningCredentials(new ECDsaSecurityKey(GatewayKey), SecurityAlgorithms.EcdsaSha256), issuer: issuer);

    private static SigningCredentials Hmac(byte[] key) => new(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256);

    private static async Task RefusedAsync(DefaultsHost host, string token)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => host.WhoAmIAsync(token));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task Next_to_an_OIDC_issuer_both_are_trusted_each_only_with_its_own_key()
    {
        await using var idp = await FakeOidcIssuer.StartAsync();
        await using var host = await DefaultsHost.StartAsync("Production", Settings(
            ("OneStop:Auth:Authority", idp.Authority), ("OneStop:Auth:RequireHttpsMetadata", "false")));

        var staffToken = idp.Token("staff-1", OneStopRoles.Frontdesk);
        Assert.Equal("staff-1|org-idp|05314|frontdesk", await host.WhoAmIAsync(staffToken));
        Assert.Equal("user-7|org-ip|05314|counsellor", await host.WhoAmIAsync(GatewayToken("user-7", OneStopRoles.Counsellor)));
        // A repeated identity-provider token is served from the cache, also next to a second issuer.
        Assert.Equal("staff-1|org-idp|05314|frontdesk", await host.WhoAmIAsync(staffToken));
        var cache = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme)
            .TokenHandlers.OfType<ValidatedTokenCache>().Single();
        Assert.Equal(1, cache.Hits);

        await RefusedAsync(host, idp.Token("forger", OneStopRoles.RegionAdmin, issuer: Gateway)); // names the gateway, the IdP's key
        await RefusedAsync(host, GatewayToken("forger", OneStopRoles.RegionAdmin, issuer: idp.Authority)); // names the IdP, the gateway's key
        await RefusedAsync(host, GatewayToken("forger", OneStopRoles.RegionAdmin, credentials: Hmac(DevelopmentTokens.SigningKey))); // a key nobody trusts here
        using var someoneElses = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await RefusedAsync(host, GatewayToken("forger", OneStopRoles.RegionAdmin,
            credentials: new SigningCredentials(new ECDsaSecurityKey(someoneElses) { KeyId = "onestop-gateway" }, SecurityAlgorithms.EcdsaSha256)));
        await RefusedAsync(host, idp.Token("stranger", OneStopRoles.Frontdesk, issuer: "https://other-idp.example"));
    }

    [Fact]
    public async Task Next_to_a_shared_key_the_shared_key_cannot_sign_for_the_gateway()
    {
        var shared = Enumerable.Range(1, 48).Select(i => (byte)i).ToArray();
        await using var host = await DefaultsHost.StartAsync("Production", Settings(
            ("OneStop:Auth:SigningKey", Convert.ToBase64String(shared)), ("OneStop:Auth:Issuer", "https://idp.kreis.example")));

        Assert.Equal("sys|o|05314|agency-system",
            await host.WhoAmIAsync(DevelopmentTokens.Create("sys", "o", "05314", [OneStopRoles.AgencySystem], issuer: "https://idp.kreis.example", key: shared)));
        Assert.Equal("user-7|org-ip|05314|frontdesk", await host.WhoAmIAsync(GatewayToken("user-7", OneStopRoles.Frontdesk)));

        await RefusedAsync(host, GatewayToken("forger", OneStopRoles.RegionAdmin, credentials: Hmac(shared))); // any service holding the shared key
        await RefusedAsync(host, GatewayToken("forger", OneStopRoles.RegionAdmin, issuer: "https://idp.kreis.example"));
    }

    [Theory]
    [InlineData("issuer only", "needs Issuer and PublicKey")]
    [InlineData("key only", "needs Issuer and PublicKey")]
    [InlineData("not PEM", "not a PEM EC key")]
    [InlineData("an RSA key", "not a PEM EC key")]
    [InlineData("P-384", "must be an EC P-256 key")]
    [InlineData("someone else's private key", "does not belong")]
    [InlineData("the main issuer's name", "must differ from OneStop:Auth:Issuer")]
    public void A_partial_or_mismatched_gateway_issuer_fails_at_startup(string problem, string message)
    {
        using var rsa = RSA.Create(2048);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (issuer, publicKey, privateKey) = problem switch
        {
            "issuer only" => (Gateway, null, null),
            "key only" => (null, GatewayKey.ExportSubjectPublicKeyInfoPem(), null),
            "not PEM" => (Gateway, "AAEC", null),
            "an RSA key" => (Gateway, rsa.ExportSubjectPublicKeyInfoPem(), null),
            "P-384" => (Gateway, p384.ExportSubjectPublicKeyInfoPem(), null),
            "someone else's private key" => (Gateway, GatewayKey.ExportSubjectPublicKeyInfoPem(), other.ExportPkcs8PrivateKeyPem()),
            _ => (OneStopAuthOptions.DefaultIssuer, GatewayKey.ExportSubjectPublicKeyInfoPem(), (string?)null),
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:Auth:Gateway:Issuer"] = issuer,
            ["OneStop:Auth:Gateway:PublicKey"] = publicKey,
            ["OneStop:Auth:Gateway:PrivateKey"] = privateKey,
        });

        var e = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults("x", 0));

        Assert.Contains(message, e.Message);
    }
}
