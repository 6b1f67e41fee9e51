using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using OneStop.ServiceDefaults.Identity;
using OneStop.ServiceDefaults.Tests.TestSupport;
using OneStop.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>
/// The services' side of each identity profile against an issuer the test starts (discovery and keys over TLS on
/// 127.0.0.1): a valid token passes with the OneStop claims, and a foreign key, the wrong audience, the wrong issuer
/// or tenant and an expired token are refused. Each test has an issuer of its own, so no validator cached by
/// authority is shared between them.
/// </summary>
public sealed class IdentityProfileTests : IAsyncLifetime
{
    private const string Realm = "realms/onestop";
    private const string Tenant = "7d1f2c3a-5b6e-4c8d-9a0b-1c2d3e4f5a6b";
    private const string OtherTenant = "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";
    private const string ApiClientId = "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f";
    private const string IssuerClient = "local-issuer";

    private LocalIssuer _idp = null!;

    public async Task InitializeAsync() => _idp = await LocalIssuer.StartAsync();
    public async Task DisposeAsync() => await _idp.DisposeAsync();

    private static async Task RefusedAsync(DefaultsHost host, string token)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => host.WhoAmIAsync(token));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    private static SigningCredentials ForeignKey()
    {
        // Same key id as the issuer's, so only the signature tells them apart.
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = LocalIssuer.KeyId };
        return new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
    }

    // --- Oidc: JwtBearer with Authority and Audience from configuration -------------------------------------------

    private Task<DefaultsHost> OidcServiceAsync() => DefaultsHost.StartAsync("Production", new Dictionary<string, string?>
    {
        ["OneStop:Auth:UseDevelopmentKey"] = "false",
        ["OneStop:Auth:Profile"] = "Oidc",
        ["OneStop:Auth:Authority"] = _idp.Issuer(Realm),
        ["OneStop:Auth:Audience"] = "onestop",
    }, services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = _idp.TrustingHandler()));

    private string KeycloakToken(string audience = "onestop", TimeSpan? lifetime = null, SigningCredentials? credentials = null, string? issuer = null) =>
        _idp.Token(Realm, audience, new Dictionary<string, object>
        {
            ["sub"] = "staff-1", ["org"] = "org-ip-lippe", ["region"] = "05766", ["role"] = new[] { "frontdesk", "counsellor" },
            ["scope"] = "openid onestop",
        }, lifetime, credentials, issuer);

    [Fact]
    public async Task Oidc_profile_accepts_the_issuers_token_with_the_OneStop_claims()
    {
        await using var host = await OidcServiceAsync();
        Assert.Equal("staff-1|org-ip-lippe|05766|counsellor,frontdesk", await host.WhoAmIAsync(KeycloakToken()));
    }

    [Theory]
    [InlineData("foreign key")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("expired")]
    public async Task Oidc_profile_refuses(string kind)
    {
        await using var host = await OidcServiceAsync();
        await RefusedAsync(host, kind switch
        {
            "foreign key" => KeycloakToken(credentials: ForeignKey()),
            "wrong audience" => KeycloakToken(audience: "account"),
            "wrong issuer" => KeycloakToken(issuer: _idp.Issuer("realms/other")),
            _ => KeycloakToken(lifetime: TimeSpan.FromMinutes(-2)),
        });
    }

    // --- EntraId: Microsoft.Identity.Web's AddMicrosoftIdentityWebApi from the AzureAd section -------------------

    private Task<DefaultsHost> EntraIdServiceAsync(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OneStop:Auth:UseDevelopmentKey"] = "false",
            // No OneStop:Auth:Profile: an AzureAd client id selects the EntraId profile.
            ["AzureAd:Instance"] = _idp.BaseAddress + "/",
            ["AzureAd:TenantId"] = Tenant,
            ["AzureAd:ClientId"] = ApiClientId,
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return DefaultsHost.StartAsync("Production", settings, services =>
        {
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = _idp.TrustingHandler());
            // Identity.Web's issuer validator reads the tenant's discovery document with a client of its own.
            services.AddHttpClient(IssuerClient).ConfigurePrimaryHttpMessageHandler(_idp.TrustingHandler);
            services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = IssuerClient);
        });
    }

    /// <summary>A v2.0 access token as Entra ID issues it for the services' API: aud is the bare client id.</summary>
    private string EntraToken(string tenant = Tenant, string audience = ApiClientId, TimeSpan? lifetime = null, SigningCredentials? credentials = null,
        bool withScope = true) =>
        _idp.Token($"{tenant}/v2.0", audience, new Dictionary<string, object>
        {
            ["ver"] = "2.0", ["tid"] = tenant, ["oid"] = "b0b0b0b0-0000-4000-8000-000000000001",
            ["sub"] = "staff-1", ["org"] = "org-ip-lippe", ["region"] = "05766", ["roles"] = new[] { "frontdesk" },
        }.Concat(withScope ? [new KeyValuePair<string, object>("scp", "access_as_user")] : []).ToDictionary(), lifetime, credentials);

    [Fact]
    public async Task EntraId_profile_accepts_the_tenants_token_and_reads_app_roles_as_OneStop_roles()
    {
        await using var host = await EntraIdServiceAsync();
        Assert.Equal("staff-1|org-ip-lippe|05766|frontdesk", await host.WhoAmIAsync(EntraToken()));
        // An app-only token (app roles, no scp) passes too: agency systems call with those.
        Assert.Equal("staff-1|org-ip-lippe|05766|frontdesk", await host.WhoAmIAsync(EntraToken(withScope: false)));
    }

    [Theory]
    [InlineData("foreign key")]
    [InlineData("wrong audience")]
    [InlineData("wrong tenant")]
    [InlineData("expired")]
    public async Task EntraId_profile_refuses(string kind)
    {
        await using var host = await EntraIdServiceAsync();
        await RefusedAsync(host, kind switch
        {
            "foreign key" => EntraToken(credentials: ForeignKey()),
            "wrong audience" => EntraToken(audience: "5e6f7a8b-9c0d-4e1f-2a3b-4c5d6e7f8a9b"),
            "wrong tenant" => EntraToken(tenant: OtherTenant),
            _ => EntraToken(lifetime: TimeSpan.FromMinutes(-2)),
        });
    }

    [Fact]
    public async Task EntraId_profile_trusts_the_gateways_own_issuer_only_with_the_gateways_key()
    {
        using var gatewayKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        const string gateway = "https://onestop.kreis.example/gateway";
        await using var host = await EntraIdServiceAsync(new()
        {
            ["OneStop:Auth:Gateway:Issuer"] = gateway,
            ["OneStop:Auth:Gateway:PublicKey"] = gatewayKey.ExportSubjectPublicKeyInfoPem(),
        });
        var gatewaySigning = new SigningCredentials(new ECDsaSecurityKey(gatewayKey), SecurityAlgorithms.EcdsaSha256);
        // The public pages' booking token, as the gateway's CallerTokens mints it in this profile: OneStop:Auth:Audience
        // (default "onestop"), and the scope as "scp", the claim Identity.Web looks for.
        var booking = DevelopmentTokens.Create("gateway-public-web", "", "05766", [], gatewaySigning, issuer: gateway,
            extraClaims: new Dictionary<string, object> { [OneStopClaimTypes.EntraScope] = OneStopScopes.PublicBooking });
        Assert.Equal("gateway-public-web||05766|", await host.WhoAmIAsync(booking));
        await RefusedAsync(host, DevelopmentTokens.Create("gateway-public-web", "", "05766", [], gatewaySigning, issuer: gateway, audience: "someone-else",
            extraClaims: new Dictionary<string, object> { [OneStopClaimTypes.EntraScope] = OneStopScopes.PublicBooking }));

        await RefusedAsync(host, EntraToken(credentials: gatewaySigning)); // names the tenant, signed with the gateway's key
        await RefusedAsync(host, DevelopmentTokens.Create("forger", "o", "05766", [OneStopRoles.RegionAdmin],
            new SigningCredentials(_idp.Key, SecurityAlgorithms.RsaSha256), issuer: gateway)); // names the gateway, the tenant's key
    }

    [Theory]
    [InlineData("Oidc", "needs OneStop:Auth:Authority")]
    [InlineData("EntraId", "needs AzureAd:ClientId and AzureAd:TenantId")]
    [InlineData("Keycloak", "use Development, Oidc, EntraId")]
    public async Task A_profile_without_its_settings_fails_at_startup(string profile, string message)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => DefaultsHost.StartAsync("Production", new Dictionary<string, string?>
        {
            ["OneStop:Auth:UseDevelopmentKey"] = "false",
            ["OneStop:Auth:Profile"] = profile,
        }));
        Assert.Contains(message, e.Message);
    }
}
