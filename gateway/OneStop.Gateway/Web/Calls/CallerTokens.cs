using System.Collections.Concurrent;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Abstractions;
using OneStop.Gateway.Web.SignIn;
using Microsoft.IdentityModel.Tokens;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// The bearer token a page's gRPC calls carry. Services validate tokens themselves (docs/architecture.md), so each call
/// carries one from an issuer they trust:
/// <list type="bullet">
/// <item>staff signed in at an external issuer: that issuer's access token for the user — the one saved at sign-in
/// (Oidc profile) or one Microsoft.Identity.Web acquires for the services' API (EntraId profile);</item>
/// <item>staff of the demo store (Development profile): a short-lived token the gateway mints — sub = the Identity user
/// id, org, region, roles;</item>
/// <item>the public pages' booking, in every profile: a token the gateway mints for itself, not for a person.</item>
/// </list>
/// The gateway signs as its own issuer (<c>OneStop:Auth:Gateway</c>, ES256) when configured, else with
/// <c>OneStop:Auth:SigningKey</c>, else with the development key where the services accept it (Development or
/// <c>OneStop:Auth:UseDevelopmentKey</c>).
/// </summary>
public sealed class CallerTokens(IOptions<OneStopAuthOptions> auth, IOptions<WebFrontOptions> options, IHostEnvironment environment,
    WebFrontProfile? profile = null)
{
    private readonly IdentityProfile _profile = profile?.Profile ?? IdentityProfile.Development;

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

    /// <summary>Call headers for the staff member signed in on <paramref name="context"/>, by the web front's profile.</summary>
    public async Task<Metadata> ForStaffAsync(HttpContext context)
    {
        switch (_profile)
        {
            case IdentityProfile.Oidc:
                var saved = await context.AuthenticateAsync(StaffSignIn.CookieScheme);
                var accessToken = saved.Properties?.GetTokenValue("access_token")
                    ?? throw new InvalidOperationException("The staff session holds no access token (the issuer returned none at sign-in).");
                return new Metadata { { "authorization", "Bearer " + accessToken } };
            case IdentityProfile.EntraId:
                // Scoped to the request: Identity.Web reads the user's account and the token cache through it.
                var headers = context.RequestServices.GetRequiredService<IAuthorizationHeaderProvider>();
                var header = await headers.CreateAuthorizationHeaderForUserAsync(options.Value.ServiceScopes,
                    new AuthorizationHeaderProviderOptions { AcquireTokenOptions = new AcquireTokenOptions { AuthenticationOptionsName = StaffSignIn.OidcScheme } },
                    context.User, context.RequestAborted);
                return new Metadata { { "authorization", header } };
            default:
                return ForStaff(context.User);
        }
    }

    /// <summary>Call headers for a staff member signed in with the demo store's Identity cookie: a token the gateway mints.</summary>
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
            // Entra ID's name for the scope list where Identity.Web validates: it refuses a token without "scp" or "roles".
            var scopeClaim = _profile == IdentityProfile.EntraId ? OneStopClaimTypes.EntraScope : OneStopClaimTypes.Scope;
            var extraClaims = scope.Length > 0 ? new Dictionary<string, object> { [scopeClaim] = scope } : null;
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
