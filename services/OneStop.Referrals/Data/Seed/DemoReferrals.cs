using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Data.Seed;

/// <summary>
/// The demo county's referrals (Kreis Lippe, region 05766): three pseudonymous clients of the Integration Point,
/// their consents, referrals in the states a counsellor's inbox and outbox show, and one integration plan. Directory
/// ids are those of the directory's demo seed (services/OneStop.Directory/Data/Seed); if they change, change them here.
/// Fixed ids make the seed idempotent.
/// </summary>
public static class DemoReferrals
{
    public const string Region = "05766";
    public const string IntegrationPoint = "org-ip-lippe";
    public const string Counsellor = "demo-counsellor-ip";

    public sealed record DemoConsent(string Id, string ClientId, string[] Recipients, DataCategory[] Categories);

    /// <summary>A referral and the path of states it went through after being created as a draft.</summary>
    public sealed record DemoReferral(string Id, string ClientId, string ServiceId, string OrganizationId, Topic Need, string Reason,
        ReferralState[] Path, ReferralOutcome Outcome = ReferralOutcome.Unspecified, string RejectionReason = "", string PlanStepId = "");

    public static IReadOnlyList<DemoConsent> Consents { get; } =
    [
        new("demo-consent-1001", "demo-client-1001", ["org-mbe-caritas-lippe", "org-jc-lippe"],
            [DataCategory.Needs, DataCategory.Languages, DataCategory.Employment]),
        new("demo-consent-1002", "demo-client-1002", ["org-jmd-diakonie-lippe", "org-jmd-drk-lippe"],
            [DataCategory.Needs, DataCategory.Languages]),
        new("demo-consent-1003", "demo-client-1003", ["org-aa-detmold"], [DataCategory.Needs, DataCategory.Qualifications]),
    ];

    public static IReadOnlyList<DemoReferral> Referrals { get; } =
    [
        new("demo-ref-1", "demo-client-1001", "svc-mbe-detmold", "org-mbe-caritas-lippe", Topic.Sprache,
            "Sucht einen Integrationskurs mit Kinderbetreuung.", [ReferralState.Requested], PlanStepId: "demo-step-1001-1"),
        new("demo-ref-2", "demo-client-1001", "svc-jc-eingliederung", "org-jc-lippe", Topic.Arbeit,
            "Anerkannter Flüchtling, Bürgergeld beantragt; Eingliederung in Arbeit.", [ReferralState.Requested, ReferralState.Received, ReferralState.Accepted]),
        new("demo-ref-3", "demo-client-1002", "svc-jmd-detmold", "org-jmd-diakonie-lippe", Topic.Bildung,
            "17 Jahre, sucht Ausbildungsplatz.", [ReferralState.Requested, ReferralState.Accepted, ReferralState.InProgress]),
        new("demo-ref-4", "demo-client-1002", "svc-jmd-bad-salzuflen", "org-jmd-drk-lippe", Topic.Bildung,
            "Beratung in Bad Salzuflen gewünscht.", [ReferralState.Requested, ReferralState.Rejected],
            RejectionReason: "Wohnort in Detmold: bitte an den JMD Detmold."),
        new("demo-ref-5", "demo-client-1003", "svc-aa-internationale-fachkraefte", "org-aa-detmold", Topic.Arbeit,
            "Pflegefachkraft mit Anerkennungsbescheid, sucht Stelle.",
            [ReferralState.Requested, ReferralState.Accepted, ReferralState.InProgress, ReferralState.Completed], ReferralOutcome.ServiceProvided),
        new("demo-ref-6", "demo-client-1003", "svc-wc-ankommen", "org-wc-lippe", Topic.Wohnen,
            "Entwurf: Wohnungssuche nach Zuzug.", []),
    ];

    public const string PlanId = "demo-plan-1001";
    public const string PlanClient = "demo-client-1001";
    public const string PlanResponsible = "org-jc-lippe";
    public const string GoalId = "demo-goal-1001-1";
    public const string StepId = "demo-step-1001-1";
}
