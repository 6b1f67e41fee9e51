namespace OneStop.ServiceDefaults.Identity;

/// <summary>The role names OneStop tokens carry in their <c>role</c> claims (see ARCHITECTURE.md, Identity).</summary>
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
