using System.Collections.Concurrent;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// Mints the short-lived bearer token a page's gRPC calls carry. Services validate tokens themselves
/// (docs/architecture.md), so the gateway signs one for the signed-in user — sub = the Identity user id, org, region,
/// roles — as an issuer the services trust: the gateway's own (<c>OneStop:Auth:Gateway</c>, ES256) when configured,
/// else <c>OneStop:Auth:SigningKey</c>, else the development key where the services accept it (Development or
/// <c>OneStop:Auth:UseDevelopmentKey</c>).
/// </summary>
public sealed class CallerTokens(IOptions<OneStopAuthOptions> auth, IOptions<WebFrontOptions> options, IHostEnvironment environment)
{
    /// <summary>The subject of public appointment requests: the gateway itself, not a person.</summary>
    public const string PublicSubject = "gateway-public-web";

    /// <summary>Tokens kept per signed-in user (and one for the public pages), bounded by the staff of one county.</summary>
    private const int MaxRememberedTokens = 10_000;

    /// <summary>
    /// A user's token is reused for half its lifetime rather than minted per page call: signing (ES256) is not free,
    /// and the services' cache of validated tokens then sees one token per user instead of one per page call.
    /// </summary>
    private readonly ConcurrentDictionary<string, (string Token, DateTime RenewAfter)> _minted = new(StringComparer.Ordinal);

    /// <summary>Resolved once, on first use: a page that cannot call fails then, with the log naming what to set.</summary>
    private readonly Lazy<(string Issuer, SigningCredentials Credentials)> _signing = new(() => IssuerAndCredentials(auth.Value, environment));

    /// <summary>Call headers for a staff member signed in with the Identity cookie.</summary>
    public Metadata ForStaff(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The signed-in user has no id claim.");
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value);
        return Bearer(subject, user.FindFirstValue(OneStopClaimTypes.Organization) ?? "", user.FindFirstValue(OneStopClaimTypes.Region) ?? "", roles);
    }

    /// <summary>
    /// Call headers for an anonymous visitor's appointment request: no role and no organization (so no ownership of
    /// anything), only the public-booking scope, which the appointments service honours for types it marks
    /// <c>public_booking</c> and nothing else.
    /// </summary>
    public Metadata ForPublicBooking() =>
        Bearer(PublicSubject, organizationId: "", options.Value.RegionAgs, [], scope: OneStopScopes.PublicBooking);

    /// <summary>The token's claims are exactly the arguments, so they are also the key it is remembered by.</summary>
    private Metadata Bearer(string subject, string organizationId, string regionAgs, IEnumerable<string> roles, string scope = "")
    {
        var rolesInOrder = roles.Order(StringComparer.Ordinal).ToArray();
        var key = string.Join('\n', subject, organizationId, regionAgs, string.Join(',', rolesInOrder), scope);
        var now = DateTime.UtcNow;
        if (!_minted.TryGetValue(key, out var minted) || now >= minted.RenewAfter)
        {
            var (issuer, credentials) = _signing.Value;
            var lifetime = options.Value.TokenLifetime;
            var extraClaims = scope.Length > 0 ? new Dictionary<string, object> { [OneStopClaimTypes.Scope] = scope } : null;
            minted = (DevelopmentTokens.Create(subject, organizationId, regionAgs, rolesInOrder, credentials, lifetime, issuer, auth.Value.Audience,
                extraClaims), now + lifetime / 2);
            if (_minted.Count >= MaxRememberedTokens) _minted.Clear();
            _minted[key] = minted;
        }
        // A new Metadata each time: callers add their own headers (idempotency-key) to it.
        return new Metadata { { "authorization", "Bearer " + minted.Token } };
    }

    /// <summary>The gateway's own issuer when configured (required with an OIDC issuer), else the shared key.</summary>
    private static (string Issuer, SigningCredentials Credentials) IssuerAndCredentials(OneStopAuthOptions settings, IHostEnvironment environment)
    {
        if (GatewayIssuer.From(settings.Gateway) is { } gateway)
        {
            return (gateway.Issuer, gateway.SigningCredentials
                ?? throw new InvalidOperationException("The web front signs with OneStop:Auth:Gateway:PrivateKey, which is not set on this gateway."));
        }
        byte[]? key = !string.IsNullOrWhiteSpace(settings.SigningKey) ? Convert.FromBase64String(settings.SigningKey)
            : environment.IsDevelopment() || settings.UseDevelopmentKey ? DevelopmentTokens.SigningKey
            : null;
        // The identity provider's keys are not the gateway's to sign with.
        if (key is null)
        {
            throw new InvalidOperationException(
                "The web front needs OneStop:Auth:Gateway (Issuer, PublicKey and PrivateKey; the services get Issuer and PublicKey) " +
                "with an OIDC issuer, or OneStop:Auth:SigningKey (or the development key) to call services for its users.");
        }
        return (settings.Issuer, new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256));
    }
}
