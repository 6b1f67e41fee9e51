using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// JWT bearer authentication by the <see cref="IdentityProfile"/> the configuration selects: a local key or any OIDC
/// issuer here, Microsoft Entra ID in <see cref="EntraIdApiSetup"/>. No fallback policy: anonymous calls go through with no
/// identity, and each service decides what an anonymous caller may do.
/// </summary>
internal static class JwtAuthenticationSetup
{
    /// <summary>Tokens a few seconds past expiry are tolerated for clock drift between hosts, no more.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static void AddOneStopAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OneStopAuthOptions.SectionName);
        var auth = section.Get<OneStopAuthOptions>() ?? new OneStopAuthOptions();
        builder.Services.Configure<OneStopAuthOptions>(section);

        var profile = IdentityProfiles.Resolve(builder.Configuration);
        if (profile == IdentityProfile.EntraId)
        {
            builder.AddEntraIdApi(auth);
        }
        else
        {
            // Resolved now, not when the options are first read, so a misconfigured service fails at startup.
            var configure = CreateConfiguration(auth, profile, explicitIssuer: section[nameof(OneStopAuthOptions.Issuer)] is not null,
                builder.Environment.IsDevelopment());
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(configure);
        }
        if (auth.ValidatedTokenCacheDuration > TimeSpan.Zero)
        {
            // After every profile's own configuration (Identity.Web's included), so the handlers it wraps are final.
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<TimeProvider>((options, clock) =>
            {
                for (var i = 0; i < options.TokenHandlers.Count; i++)
                {
                    if (options.TokenHandlers[i] is ValidatedTokenCache) continue;
                    options.TokenHandlers[i] = new ValidatedTokenCache(options.TokenHandlers[i], auth.ValidatedTokenCacheDuration,
                        Math.Max(1, auth.ValidatedTokenCacheSize), clock);
                }
            });
        }
        builder.Services.AddAuthorization();
    }

    internal static Action<JwtBearerOptions> CreateConfiguration(OneStopAuthOptions auth, IdentityProfile profile, bool explicitIssuer, bool isDevelopment)
    {
        var useOidc = profile == IdentityProfile.Oidc;
        var key = useOidc ? null : ResolveSymmetricKey(auth, isDevelopment);
        var gateway = GatewayIssuer.From(auth.Gateway);
        if (gateway is not null && (!useOidc || explicitIssuer) && string.Equals(auth.Issuer, gateway.Issuer, StringComparison.Ordinal))
            throw new InvalidOperationException("OneStop:Auth:Gateway:Issuer must differ from OneStop:Auth:Issuer: each issuer has its own key.");
        if (useOidc && string.IsNullOrWhiteSpace(auth.Authority) && string.IsNullOrWhiteSpace(auth.MetadataAddress))
        {
            // Fail at startup rather than run a service that silently rejects every token.
            throw new InvalidOperationException(
                "The Oidc identity profile needs OneStop:Auth:Authority (or MetadataAddress): the issuer whose discovery document supplies the keys.");
        }
        if (!useOidc && key is null)
        {
            throw new InvalidOperationException(
                "OneStop:Auth has no signing key and no OIDC issuer. Set OneStop:Auth:Authority (or MetadataAddress) " +
                "for a real issuer, AzureAd:ClientId and TenantId for Microsoft Entra ID, OneStop:Auth:SigningKey (base64 HMAC key), " +
                "or OneStop:Auth:UseDevelopmentKey=true for local runs (the Development environment uses the development key by itself).");
        }
        return options => Configure(options, auth, key, explicitIssuer, gateway);
    }

    /// <summary>A configured key wins; else the development key where allowed; else null (an OIDC issuer supplies keys).</summary>
    private static byte[]? ResolveSymmetricKey(OneStopAuthOptions auth, bool isDevelopment)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKey)) return DecodeKey(auth.SigningKey);
        return isDevelopment || auth.UseDevelopmentKey ? DevelopmentTokens.SigningKey : null;
    }

    private static void Configure(JwtBearerOptions options, OneStopAuthOptions auth, byte[]? key, bool explicitIssuer, GatewayIssuer? gateway)
    {
        // Keep "sub", "org", "region", "role" as they are in the token instead of the long WS-* claim URIs.
        options.MapInboundClaims = false;
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = auth.Issuer,
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = ClockSkew,
            NameClaimType = OneStopClaimTypes.Subject,
            RoleClaimType = OneStopClaimTypes.Role,
        };

        if (key is not null)
        {
            parameters.IssuerSigningKey = new SymmetricSecurityKey(key);
        }
        else
        {
            options.Authority = NullIfEmpty(auth.Authority);
            if (NullIfEmpty(auth.MetadataAddress) is { } metadata) options.MetadataAddress = metadata;
            options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            // The discovery document names the issuer; a configured Issuer only overrides it when set explicitly.
            if (!explicitIssuer) parameters.ValidIssuer = null;
        }
        gateway?.TrustIn(parameters);
        options.TokenValidationParameters = parameters;
    }

    private static byte[] DecodeKey(string base64)
    {
        try { return Convert.FromBase64String(base64); }
        catch (FormatException e) { throw new InvalidOperationException("OneStop:Auth:SigningKey is not valid base64.", e); }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
