namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// The claim names as they appear in the token. JwtBearer is configured not to remap them
/// (<c>MapInboundClaims = false</c>), so services see exactly these.
/// </summary>
public static class OneStopClaimTypes
{
    public const string Subject = "sub";
    /// <summary>The caller's agency, as its directory id.</summary>
    public const string Organization = "org";
    /// <summary>The AGS of the caller's Kreis; every query is filtered by it.</summary>
    public const string Region = "region";
    public const string Role = "role";
    /// <summary>Entra ID's app roles, and Keycloak's with a "roles" mapper: the same role names, in a list claim.</summary>
    public const string Roles = "roles";
    /// <summary>OAuth scopes, one space-separated string (RFC 8693).</summary>
    public const string Scope = "scope";
    /// <summary>Entra ID's name for the same list.</summary>
    public const string EntraScope = "scp";
}
