using Microsoft.Extensions.Configuration;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// The kind of issuer a deployment trusts, one production profile per kind (docs/operations.md, "Identity profiles").
/// Services validate bearer tokens by it; the gateway's web front signs staff in by it.
/// </summary>
public enum IdentityProfile
{
    /// <summary>A local key: the public development key, or a shared <c>OneStop:Auth:SigningKey</c>; demo sign-in.</summary>
    Development,

    /// <summary>Any OpenID Connect issuer (Keycloak, for example): JwtBearer and OpenIdConnect.</summary>
    Oidc,

    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web, from the <c>AzureAd</c> section.</summary>
    EntraId,
}

/// <summary>Which <see cref="IdentityProfile"/> a configuration selects.</summary>
public static class IdentityProfiles
{
    /// <summary>The explicit choice; without it the profile follows from what is configured.</summary>
    public const string ProfileKey = OneStopAuthOptions.SectionName + ":Profile";

    /// <summary>Microsoft.Identity.Web's customary section, here the registration of the services' API.</summary>
    public const string EntraIdSectionName = "AzureAd";

    /// <summary>
    /// <c>OneStop:Auth:Profile</c> when set; else Development when <c>OneStop:Auth:SigningKey</c> or
    /// <c>UseDevelopmentKey=true</c> is set, EntraId when <c>AzureAd:ClientId</c> is set, Oidc when
    /// <c>OneStop:Auth:Authority</c> or <c>MetadataAddress</c> is, else Development (which still needs a key outside
    /// the Development environment, see <see cref="OneStopAuthOptions.UseDevelopmentKey"/>).
    /// </summary>
    public static IdentityProfile Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[ProfileKey] is { Length: > 0 } named)
        {
            return Enum.TryParse<IdentityProfile>(named, ignoreCase: true, out var profile) && Enum.IsDefined(profile)
                ? profile
                : throw new InvalidOperationException($"{ProfileKey} is '{named}'; use {string.Join(", ", Enum.GetNames<IdentityProfile>())}.");
        }
        var auth = configuration.GetSection(OneStopAuthOptions.SectionName);
        // A configured local key wins, as it always has: no issuer is asked then.
        if (!string.IsNullOrWhiteSpace(auth[nameof(OneStopAuthOptions.SigningKey)]) || auth.GetValue<bool>(nameof(OneStopAuthOptions.UseDevelopmentKey)))
            return IdentityProfile.Development;
        if (!string.IsNullOrWhiteSpace(configuration[EntraIdSectionName + ":ClientId"])) return IdentityProfile.EntraId;
        if (!string.IsNullOrWhiteSpace(auth[nameof(OneStopAuthOptions.Authority)]) || !string.IsNullOrWhiteSpace(auth[nameof(OneStopAuthOptions.MetadataAddress)]))
            return IdentityProfile.Oidc;
        return IdentityProfile.Development;
    }
}
