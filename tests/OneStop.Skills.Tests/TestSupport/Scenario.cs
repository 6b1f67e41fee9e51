using Google.Protobuf.WellKnownTypes;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Skills.Tests.TestSupport;

/// <summary>The people and organizations of the tests: Kreis Lippe's Integration Point owns the profiles.</summary>
public static class Scenario
{
    public const string Region = "05766";
    public const string OtherRegion = "05774";
    public const string IntegrationPoint = "org-ip-lippe";
    public const string Jobcenter = "org-jobcenter-lippe";
    public const string EmployerService = "org-ag-s-lippe";

    public static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static CallerIdentity IpCounsellor => Caller("ip-counsellor", IntegrationPoint, Region, OneStopRoles.Counsellor);
    public static CallerIdentity IpFrontdesk => Caller("ip-frontdesk", IntegrationPoint, Region, OneStopRoles.Frontdesk);
    public static CallerIdentity JobcenterCounsellor => Caller("jc-counsellor", Jobcenter, Region, OneStopRoles.Counsellor);
    public static CallerIdentity EmployerSystem => Caller("ags-matcher", EmployerService, Region, OneStopRoles.AgencySystem);
    public static CallerIdentity OtherRegionCounsellor => Caller("other-counsellor", IntegrationPoint, OtherRegion, OneStopRoles.Counsellor);

    public static CallerIdentity Caller(string subject, string organization, string region, params string[] roles) =>
        new(subject, organization, region, roles.ToHashSet());

    public static Timestamp At(int year, int month, int day) => Timestamp.FromDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));

    public static RecordConsentRequest Consent(string clientId, string recipient, ConsentPurpose purpose) => new()
    {
        ClientId = clientId,
        Purpose = purpose,
        RecipientOrganizationIds = { recipient },
        Categories = { DataCategory.Qualifications },
        ValidUntil = Timestamp.FromDateTimeOffset(Now.AddMonths(6)),
        Method = ConsentMethod.SignedForm,
    };
}
