using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// The <see cref="IdentityProfile.EntraId"/> profile for services: Microsoft.Identity.Web validates the bearer token
/// (the tenant's issuer and keys, the API's client id as audience, a scope or app role), from the <c>AzureAd</c>
/// section. OneStop's own settings are laid over it afterwards, so the claims a service reads are the same as in the
/// other profiles.
/// </summary>
internal static class EntraIdApiSetup
{
    public static void AddEntraIdApi(this WebApplicationBuilder builder, OneStopAuthOptions auth)
    {
        var section = builder.Configuration.GetSection(IdentityProfiles.EntraIdSectionName);
        if (string.IsNullOrWhiteSpace(section["ClientId"]) || string.IsNullOrWhiteSpace(section["TenantId"]))
            throw new InvalidOperationException("The EntraId identity profile needs AzureAd:ClientId and AzureAd:TenantId (the services' API registration).");
        var gateway = GatewayIssuer.From(auth.Gateway);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(section, JwtBearerDefaults.AuthenticationScheme);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure(options =>
        {
            // Claims as the token names them ("sub", "roles", "scp", "org", "region"), not the WS-* URIs.
            options.MapInboundClaims = false;
            var parameters = options.TokenValidationParameters;
            parameters.NameClaimType = OneStopClaimTypes.Subject;
            parameters.RoleClaimType = OneStopClaimTypes.Roles;
            parameters.ClockSkew = JwtAuthenticationSetup.ClockSkew;
            parameters.RequireExpirationTime = true;
            if (gateway is not null) TrustGateway(parameters, gateway, auth.Audience);
        });
    }

    /// <summary>
    /// The gateway's own issuer for the tokens it still mints (the public pages' booking): its issuer passes beside
    /// the tenant's, which Identity.Web's validators alone would refuse, only with the gateway's key, and only for
    /// <c>OneStop:Auth:Audience</c>. Tokens naming any other issuer go to Identity.Web's validators unchanged.
    /// </summary>
    private static void TrustGateway(TokenValidationParameters parameters, GatewayIssuer gateway, string audience)
    {
        var tenantIssuer = parameters.IssuerValidator;
        var tenantAudience = parameters.AudienceValidator;
        var tenantKeyCheck = parameters.IssuerSigningKeyValidatorUsingConfiguration;
        gateway.TrustIn(parameters);
        bool FromGateway(string? issuer) => string.Equals(issuer, gateway.Issuer, StringComparison.Ordinal);
        // Identity.Web checks the tenant's keys with a validator that takes precedence over the one TrustIn sets, and
        // would let the gateway's key sign for the tenant: the key must belong to the token's issuer first.
        if (tenantKeyCheck is not null)
        {
            parameters.IssuerSigningKeyValidatorUsingConfiguration = (key, token, p, configuration) =>
                gateway.KeyBelongsToIssuer(key, token, p) && (FromGateway(token.Issuer) || tenantKeyCheck(key, token, p, configuration));
        }
        parameters.IssuerValidator = (issuer, token, p) =>
            FromGateway(issuer) ? issuer
            : tenantIssuer is not null ? tenantIssuer(issuer, token, p)
            : Validators.ValidateIssuer(issuer, token, Without(p));
        parameters.AudienceValidator = (audiences, token, p) =>
            FromGateway(token.Issuer) ? audiences.Contains(audience, StringComparer.Ordinal)
            : tenantAudience is not null ? tenantAudience(audiences, token, p)
            : ValidateAudience(audiences, token, Without(p));
    }

    private static bool ValidateAudience(IEnumerable<string> audiences, SecurityToken token, TokenValidationParameters parameters)
    {
        Validators.ValidateAudience(audiences, token, parameters);
        return true;
    }

    /// <summary>The parameters without the delegates set here, so the library's own checks do not call back into them.</summary>
    private static TokenValidationParameters Without(TokenValidationParameters parameters)
    {
        var copy = parameters.Clone();
        copy.IssuerValidator = null;
        copy.AudienceValidator = null;
        return copy;
    }
}
