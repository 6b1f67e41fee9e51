using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneStop.Gateway.Web;
using OneStop.Gateway.Web.Calls;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Tests;

/// <summary>Which issuer and key the web front signs its callers' tokens with.</summary>
public sealed class CallerTokensTests
{
    private const string GatewayIssuer = "https://onestop.kreis.example/gateway";
    private static readonly ECDsa GatewayKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    // Not disposed: IdentityModel caches crypto providers per key thumbprint, also across key objects.
    private static readonly ECDsaSecurityKey PublicKeyOnly = PublicPart(GatewayKey);

    private static ECDsaSecurityKey PublicPart(ECDsa key)
    {
        var publicOnly = ECDsa.Create();
        publicOnly.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());
        return new ECDsaSecurityKey(publicOnly);
    }

    private static GatewayIssuerOptions Gateway(bool withPrivateKey = true) => new()
    {
        Issuer = GatewayIssuer,
        PublicKey = GatewayKey.ExportSubjectPublicKeyInfoPem(),
        PrivateKey = withPrivateKey ? GatewayKey.ExportPkcs8PrivateKeyPem() : null,
    };

    private static readonly ClaimsPrincipal Staff = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-42"), new Claim("org", "org-ip-lippe"), new Claim("region", "05766"), new Claim(ClaimTypes.Role, OneStopRoles.Frontdesk)],
        "Identity.Application"));

    private static CallerTokens Tokens(OneStopAuthOptions auth) =>
        new(Options.Create(auth), Options.Create(new WebFrontOptions()), new HostingEnvironment { EnvironmentName = "Production" });

    private static OneStopAuthOptions WithOidcIssuer() => new() { Authority = "https://keycloak.kreis.example/realms/onestop" };

    /// <summary>Checked the way a service checks it: the gateway's public key only.</summary>
    private static async Task<TokenValidationResult> ValidateAsync(global::Grpc.Core.Metadata headers)
    {
        var token = headers.GetValue("authorization")!["Bearer ".Length..];
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = GatewayIssuer,
            ValidAudience = OneStopAuthOptions.DefaultAudience,
            IssuerSigningKey = PublicKeyOnly,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
    }

    [Fact]
    public async Task With_an_OIDC_issuer_staff_tokens_are_signed_by_the_gateway_issuer()
    {
        var auth = WithOidcIssuer();
        auth.Gateway = Gateway();

        var result = await ValidateAsync(Tokens(auth).ForStaff(Staff));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("user-42", result.Claims["sub"]);
        Assert.Equal(OneStopRoles.Frontdesk, result.Claims["role"]);
    }

    [Fact]
    public async Task Public_booking_tokens_carry_the_scope_and_neither_a_role_nor_an_organization()
    {
        var auth = WithOidcIssuer();
        auth.Gateway = Gateway();

        var result = await ValidateAsync(Tokens(auth).ForPublicBooking());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(OneStopScopes.PublicBooking, result.Claims["scope"]);
        Assert.False(result.Claims.ContainsKey("role"));
        Assert.Equal("", result.Claims["org"]);
    }

    [Fact]
    public void A_users_token_is_reused_within_half_its_lifetime_and_never_shared_with_another_caller()
    {
        var auth = WithOidcIssuer();
        auth.Gateway = Gateway();
        var tokens = Tokens(auth);
        var otherStaff = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "user-43"), new Claim("org", "org-ip-lippe"), new Claim("region", "05766"), new Claim(ClaimTypes.Role, OneStopRoles.Frontdesk)],
            "Identity.Application"));

        var first = tokens.ForStaff(Staff).GetValue("authorization");
        var again = tokens.ForStaff(Staff);
        again.Add("idempotency-key", "k-1"); // callers add to their own copy

        Assert.Equal(first, again.GetValue("authorization"));
        Assert.Null(tokens.ForStaff(Staff).GetValue("idempotency-key"));
        Assert.NotEqual(first, tokens.ForStaff(otherStaff).GetValue("authorization"));
        Assert.NotEqual(first, tokens.ForPublicBooking().GetValue("authorization"));
    }

    [Fact]
    public void With_an_OIDC_issuer_and_no_gateway_issuer_the_pages_cannot_mint_and_say_what_to_configure()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Tokens(WithOidcIssuer()).ForStaff(Staff));
        Assert.Contains("OneStop:Auth:Gateway", e.Message);
    }

    [Fact]
    public void A_gateway_with_the_public_key_only_cannot_mint_and_names_the_private_key()
    {
        var auth = WithOidcIssuer();
        auth.Gateway = Gateway(withPrivateKey: false);

        var e = Assert.Throws<InvalidOperationException>(() => Tokens(auth).ForPublicBooking());

        Assert.Contains("OneStop:Auth:Gateway:PrivateKey", e.Message);
    }
}
