namespace OneStop.ServiceDefaults.Identity;

/// <summary>The role names OneStop tokens carry in their <c>role</c> claims (see docs/architecture.md, identity).</summary>
public static class OneStopRoles
{
    /// <summary>A partner agency's own system calling OneStop machine-to-machine.</summary>
    public const string AgencySystem = "agency-system";
    public const string Frontdesk = "frontdesk";
    public const string Counsellor = "counsellor";
    public const string Employer = "employer";
    /// <summary>Administers the directory and settings of one region (Kreis).</summary>
    public const string RegionAdmin = "region-admin";
}

/// <summary>
/// OAuth scopes OneStop services grant on their own, for callers that hold none of the roles above. Kept narrow:
/// a scope admits one kind of call, not a role's whole reach.
/// </summary>
public static class OneStopScopes
{
    /// <summary>
    /// The gateway's public pages booking for residents: search and direct booking of appointment types marked
    /// <c>public_booking</c>, nothing else (see docs/appointments.md).
    /// </summary>
    public const string PublicBooking = "onestop.appointments.public-booking";
}
