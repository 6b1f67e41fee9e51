using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Forwarding.Edge;

/// <summary>
/// Authorization policies for forwarded routes. A route names "anonymous", "authenticated" (the default), or a
/// comma-separated list of roles and scopes, e.g. "frontdesk,agency-system,appointments.read": the caller needs a
/// valid JWT (bearer scheme, never the web front's cookie) and at least one of them, as a <c>role</c> claim or
/// as a scope in <c>scope</c>/<c>scp</c>.
/// </summary>
public static class EdgePolicies
{
    public const string Anonymous = "anonymous";
    public const string Authenticated = "authenticated";

    public static readonly IReadOnlyList<string> Roles =
        [OneStopRoles.AgencySystem, OneStopRoles.Frontdesk, OneStopRoles.Counsellor, OneStopRoles.Employer, OneStopRoles.RegionAdmin];

    public static IEnumerable<string> Names => [Anonymous, Authenticated, .. Roles, "<role or scope>,<role or scope>…"];

    public static bool IsAnonymous(string? name) => string.Equals(name, Anonymous, StringComparison.OrdinalIgnoreCase);

    /// <summary>Anything but blanks between commas is a role or scope name; "anonymous" cannot be combined.</summary>
    public static bool IsKnown(string name) => IsAnonymous(name) || Split(name).Length > 0 && !Split(name).Any(IsAnonymous);

    /// <summary>The policy a route's name stands for; null when the name is no such list (YARP then refuses the route).</summary>
    internal static AuthorizationPolicy? Build(string policyName)
    {
        if (IsAnonymous(policyName) || !IsKnown(policyName)) return null;
        var wanted = Split(policyName);
        var policy = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser();
        if (!wanted.Contains(Authenticated, StringComparer.OrdinalIgnoreCase))
        {
            policy.RequireAssertion(context => wanted.Any(w => HasRoleOrScope(context.User, w)));
        }
        return policy.Build();
    }

    private static bool HasRoleOrScope(System.Security.Claims.ClaimsPrincipal user, string wanted) =>
        user.HasClaim(OneStopClaimTypes.Role, wanted)
        // Entra ID puts app roles in "roles"; Keycloak needs a mapper to a flat "role" or "roles" claim.
        || user.HasClaim("roles", wanted)
        || CallerIdentity.ScopesOf(user).Contains(wanted, StringComparer.Ordinal);

    private static string[] Split(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Serves a route's AuthorizationPolicy on demand (YARP asks for it by name when it validates and when it builds the
/// route's endpoint), so any role/scope list in the configuration works after a reload. Policies registered by name
/// (the web front's) come first.
/// </summary>
public sealed class EdgePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthorizationPolicy?> _built = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName) ?? _built.GetOrAdd(policyName, EdgePolicies.Build);
}
