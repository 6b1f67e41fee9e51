using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.ServiceDefaults.Tests.TestSupport;

/// <summary>
/// An identity provider as services meet it: an OIDC discovery document and a JWKS with one RSA key, over HTTP on
/// 127.0.0.1, and tokens signed with that key (RS256), as Keycloak or Entra ID would issue them.
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RSA _rsa;

    private FakeOidcIssuer(WebApplication app, RSA rsa, string authority)
    {
        _app = app;
        _rsa = rsa;
        Authority = authority;
        Key = new RsaSecurityKey(rsa) { KeyId = "idp-key-1" };
    }

    /// <summary>Also the issuer (<c>iss</c>) its discovery document names.</summary>
    public string Authority { get; }

    public RsaSecurityKey Key { get; }

    public static async Task<FakeOidcIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        string? authority = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority!,
            ["jwks_uri"] = authority + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "idp-key-1" });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = publicKey.Kid, n = publicKey.N, e = publicKey.E } } });
        });
        await app.StartAsync();
        authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return new FakeOidcIssuer(app, rsa, authority);
    }

    /// <summary>A token as the identity provider issues it; <paramref name="issuer"/> overrides <c>iss</c> (for forgeries).</summary>
    public string Token(string subject, string role, string? issuer = null)
    {
        var identity = new ClaimsIdentity([
            new Claim(OneStopClaimTypes.Subject, subject), new Claim(OneStopClaimTypes.Organization, "org-idp"),
            new Claim(OneStopClaimTypes.Region, "05314"), new Claim(OneStopClaimTypes.Role, role)]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = issuer ?? Authority,
            Audience = OneStopAuthOptions.DefaultAudience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
