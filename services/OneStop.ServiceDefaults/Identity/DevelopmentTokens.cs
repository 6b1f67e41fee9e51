using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// Issues HS256 tokens signed with the development key, for tests, local runs and <c>./onestop token</c>.
/// Services accept them only in the Development environment or with <c>OneStop:Auth:UseDevelopmentKey=true</c>.
/// </summary>
public static class DevelopmentTokens
{
    /// <summary>
    /// DEVELOPMENT ONLY. This key is public (it is in the repository); anyone can mint tokens with it.
    /// Production uses an OIDC issuer or a secret <c>OneStop:Auth:SigningKey</c>.
    /// </summary>
    public const string SigningKeyBase64 =
        "pXeAxY/USIXIKHNN9qX4g8/5kkxUbslCha04J6aCN/RPFqEoWlK3tUNJ6NefNga+u2l0IC/h2bYtms53h1PuZw==";

    /// <summary>The development key's bytes; a fresh copy each time, so no caller can alter the shared key.</summary>
    public static byte[] SigningKey => Convert.FromBase64String(SigningKeyBase64);

    /// <summary>
    /// A signed token with <c>sub</c>, <c>org</c>, <c>region</c> and one <c>role</c> claim per role.
    /// A negative <paramref name="lifetime"/> makes a token that has already expired (for tests).
    /// <paramref name="extraClaims"/> adds claims such as an OAuth <c>scope</c>.
    /// </summary>
    public static string Create(string subject, string organizationId, string regionAgs, IEnumerable<string> roles,
        TimeSpan? lifetime = null, string? issuer = null, string? audience = null, byte[]? key = null,
        IReadOnlyDictionary<string, object>? extraClaims = null) =>
        Create(subject, organizationId, regionAgs, roles,
            new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
            lifetime, issuer, audience, extraClaims);

    /// <summary>The same token, signed with <paramref name="credentials"/> (e.g. the gateway issuer's ES256 key).</summary>
    public static string Create(string subject, string organizationId, string regionAgs, IEnumerable<string> roles,
        SigningCredentials credentials, TimeSpan? lifetime = null, string? issuer = null, string? audience = null,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(roles);
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(8));
        // The handler refuses exp <= nbf, so an already-expired token starts a minute before it ends.
        var notBefore = expires > now ? now : expires - TimeSpan.FromMinutes(1);

        var identity = new ClaimsIdentity();
        identity.AddClaim(new Claim(OneStopClaimTypes.Subject, subject));
        identity.AddClaim(new Claim(OneStopClaimTypes.Organization, organizationId ?? ""));
        identity.AddClaim(new Claim(OneStopClaimTypes.Region, regionAgs ?? ""));
        foreach (var role in roles) identity.AddClaim(new Claim(OneStopClaimTypes.Role, role));

        var descriptor = new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = issuer ?? OneStopAuthOptions.DefaultIssuer,
            Audience = audience ?? OneStopAuthOptions.DefaultAudience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = credentials,
            Claims = extraClaims?.ToDictionary(c => c.Key, c => c.Value),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
