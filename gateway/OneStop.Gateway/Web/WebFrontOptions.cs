namespace OneStop.Gateway.Web;

/// <summary>
/// Settings of the web front, bound from "OneStop:WebFront". Every default is the demo county's, so
/// <c>./onestop up</c> needs no configuration; a real county sets its own values.
/// </summary>
public sealed class WebFrontOptions
{
    public const string SectionName = "OneStop:WebFront";

    /// <summary>The county whose directory the public pages search (its AGS: Gemeinden are listed below it).</summary>
    public string RegionAgs { get; set; } = "05766";

    /// <summary>How long a token minted for a user's page calls lives; it is reused for half of it, then minted anew.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The scopes the web front asks Entra ID for when it calls the services for a signed-in user (EntraId profile),
    /// e.g. <c>api://&lt;services' client id&gt;/.default</c>.
    /// </summary>
    public string[] ServiceScopes { get; set; } = [];

    /// <summary>
    /// Lets `seed` write the demo staff (public passwords) outside the Development environment, e.g. on a demo
    /// server. Off by default, so a production deployment cannot get a publicly known admin login by mistake.
    /// </summary>
    public bool SeedDemoUsers { get; set; }

    /// <summary>
    /// Directory services that take public appointment requests, and the appointment type booked for each
    /// ("OneStop:WebFront:PublicAppointmentTypes:svc-wc-ankommen" = "type-welcome-erstberatung").
    /// </summary>
    public Dictionary<string, string> PublicAppointmentTypes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The demo county's types (services/OneStop.Appointments/Data/Seed/DemoCalendars.cs) when none are configured.</summary>
    internal void ApplyDemoDefaults()
    {
        if (PublicAppointmentTypes.Count == 0) PublicAppointmentTypes["svc-wc-ankommen"] = "type-welcome-erstberatung";
    }
}
