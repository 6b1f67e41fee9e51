using System.Security.Claims;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// Who is calling, from a validated token. Services authorize on this themselves (docs/architecture.md: a header is
/// never trusted because it came through the gateway). Claims missing from the token are empty strings.
/// </summary>
public sealed record CallerIdentity(string Subject, string OrganizationId, string RegionAgs, IReadOnlySet<string> Roles)
{
    private static readonly IReadOnlySet<string> NoScopes = new HashSet<string>();

    /// <summary>OAuth scopes of the token (<c>scope</c>, or Entra ID's <c>scp</c>: space-separated lists).</summary>
    public IReadOnlySet<string> Scopes { get; init; } = NoScopes;

    /// <summary>The caller, or null when the request carried no valid token.</summary>
    public static CallerIdentity? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        // "role" from the development key and most OIDC issuers, "roles" from Entra ID: one set either way.
        var roles = user.FindAll(c => c.Type is OneStopClaimTypes.Role or OneStopClaimTypes.Roles).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scopes = ScopesOf(user).ToHashSet(StringComparer.Ordinal);
        return new CallerIdentity(
            user.FindFirst(OneStopClaimTypes.Subject)?.Value ?? "",
            user.FindFirst(OneStopClaimTypes.Organization)?.Value ?? "",
            user.FindFirst(OneStopClaimTypes.Region)?.Value ?? "",
            roles)
        { Scopes = scopes };
    }

    /// <summary>
    /// The OAuth scopes of <paramref name="user"/>: each <c>scope</c> claim is one space-separated list (RFC 8693),
    /// and Entra ID sends the same list as <c>scp</c>. The services' callers and the gateway's edge policies read them here.
    /// </summary>
    public static IEnumerable<string> ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(c => c.Type is OneStopClaimTypes.Scope or OneStopClaimTypes.EntraScope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool HasScope(string scope) => Scopes.Contains(scope);
}
