using Google.Protobuf.WellKnownTypes;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Referrals.Tests.TestSupport;

/// <summary>
/// The cast: the Integration Point of Kreis Borken (NRW, AGS 05554) refers clients to the Agentur für Arbeit, the
/// Jobcenter and the MBE; the Stadt Köln (05315) is another region. "Now" is Wednesday 2026-06-03, 10:00 Berlin,
/// the day before Fronleichnam, a public holiday in NRW.
/// </summary>
public static class Scenario
{
    public const string Region = "05554";
    public const string OtherRegion = "05315";

    public const string IntegrationPoint = "org-ip-borken";
    public const string Agentur = "org-aa-borken";
    public const string Jobcenter = "org-jc-borken";
    public const string Mbe = "org-mbe-borken";
    public const string Cologne = "org-ip-koeln";

    public const string AgenturService = "svc-aa-arbeit";
    public const string JobcenterService = "svc-jc-integration";
    public const string MbeService = "svc-mbe";
    public const string CologneService = "svc-koeln";

    public const string Client = "client-7f3a";

    public static readonly DateTimeOffset Now = new(2026, 6, 3, 8, 0, 0, TimeSpan.Zero);

    public static readonly (string Id, string Organization, string Region)[] DirectoryServices =
    [
        (AgenturService, Agentur, Region),
        (JobcenterService, Jobcenter, "05554020"), // owned by a Gemeinde of the Kreis
        (MbeService, Mbe, Region),
        (CologneService, Cologne, OtherRegion),
    ];

    public static CallerIdentity Staff(string subject, string organization, string role, string region = Region) =>
        new(subject, organization, region, new HashSet<string> { role });

    public static readonly CallerIdentity IpFrontdesk = Staff("fd-ip-1", IntegrationPoint, OneStopRoles.Frontdesk);
    public static readonly CallerIdentity IpCounsellor = Staff("co-ip-1", IntegrationPoint, OneStopRoles.Counsellor);
    public static readonly CallerIdentity AaCounsellor = Staff("co-aa-1", Agentur, OneStopRoles.Counsellor);
    public static readonly CallerIdentity JcCounsellor = Staff("co-jc-1", Jobcenter, OneStopRoles.Counsellor);
    public static readonly CallerIdentity MbeCounsellor = Staff("co-mbe-1", Mbe, OneStopRoles.Counsellor);
    public static readonly CallerIdentity CologneCounsellor = Staff("co-k-1", Cologne, OneStopRoles.Counsellor, OtherRegion);
    /// <summary>Same organization id as the Agentur, but a token of another region: must see nothing of Borken.</summary>
    public static readonly CallerIdentity AgenturOtherRegion = Staff("co-aa-k", Agentur, OneStopRoles.Counsellor, OtherRegion);
    public static readonly CallerIdentity RegionAdmin = Staff("admin-borken", "kreis-borken", OneStopRoles.RegionAdmin);

    public static RecordConsentRequest ReferralConsent(string client, params string[] recipients)
    {
        var request = new RecordConsentRequest
        {
            ClientId = client,
            Purpose = ConsentPurpose.Referral,
            Categories = { DataCategory.Needs, DataCategory.Languages, DataCategory.CaseNotes, DataCategory.Documents },
            ValidUntil = Timestamp.FromDateTimeOffset(Now.AddDays(90)),
            Method = ConsentMethod.OralWithInterpreter,
            InterpreterLanguage = "uk",
        };
        request.RecipientOrganizationIds.AddRange(recipients);
        return request;
    }

    public static CreateReferralRequest ToAgentur(string client = Client, bool submit = true) => new()
    {
        ClientId = client,
        ReceiverServiceId = AgenturService,
        Reason = "Sucht Arbeit als Pflegefachkraft; Anerkennung läuft",
        Needs = { Topic.Arbeit },
        Languages = { "uk", "de" },
        InterpreterNeeded = true,
        InterpreterLanguage = "uk",
        Urgency = Urgency.Urgent,
        SharedCategories = { DataCategory.Needs, DataCategory.Languages, DataCategory.CaseNotes },
        Note = "Termine nur vormittags (Integrationskurs nachmittags)",
        Submit = submit,
    };
}
