using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>
/// The routing rules as data, each with its source (docs/referrals.md lists them). Sources marked "external" are
/// not in the policy documents the project draws on; check them before relying on them.
/// Priority orders the suggestions for one need: the agency legally responsible first (regular services come
/// first, KGSt ch. 2), then the specialised counselling a fact calls for, then general migration advice, then
/// the rest.
/// </summary>
public static class RoutingRules
{
    public const int LegalResponsibility = 10;
    public const int Specialised = 20;
    public const int MigrationAdvice = 30;
    public const int Further = 40;

    private static readonly Topic[] WorkAndTraining = [Topic.Arbeit, Topic.Bildung, Topic.Sprache];

    public static IReadOnlyList<RoutingRule> All { get; } =
    [
        new("jobcenter-sgb2", LegalResponsibility, AgencyType.Jobcenter, "KGSt B 15/2017, 2.4.2",
            "A person on SGB II (e.g. a recognized refugee) is served by the Jobcenter for work, training and language support.")
        {
            LegalRegimes = [RoutingLegalRegime.SgbIi], Needs = WorkAndTraining,
        },
        new("agentur-gestattung", LegalResponsibility, AgencyType.AgenturFuerArbeit, "KGSt B 15/2017, 2.4.2",
            "An asylum seeker with a Gestattung is served by the Agentur für Arbeit (SGB III) for work and training.")
        {
            ResidenceStatuses = [ResidenceStatus.AsylumSeeker], Needs = WorkAndTraining,
        },
        new("agentur-sgb3", LegalResponsibility, AgencyType.AgenturFuerArbeit, "KGSt B 15/2017, 2.4.2",
            "A person under SGB III is served by the Agentur für Arbeit for work and training.")
        {
            LegalRegimes = [RoutingLegalRegime.SgbIii], Needs = WorkAndTraining,
        },
        new("iq-foreign-qualification", Specialised, AgencyType.IqCounselling, "NAP-I, Themenforum Arbeitsmarkt, Kernvorhaben 5; KGSt B 15/2017, 2.4.3",
            "A foreign vocational or academic qualification means IQ recognition counselling (Anerkennungsberatung).")
        {
            ForeignQualification = true, Needs = [Topic.Anerkennung, Topic.Arbeit, Topic.Bildung],
        },
        new("kita-child-under-6", Specialised, AgencyType.Kommune, "NAP-I, Kernvorhaben 5 (family checklist: childcare)",
            "A child under 6 means a Kita contact.")
        {
            AgeBelow = 6, Needs = [Topic.FamilieKinderbetreuung],
        },
        new("kita-parent-of-child-under-6", Specialised, AgencyType.Kommune, "NAP-I, Kernvorhaben 5 (family checklist: childcare)",
            "Children under 6 mean a Kita contact.")
        {
            ChildrenUnder6 = true, Needs = [Topic.FamilieKinderbetreuung],
        },
        new("auslaenderbehoerde-residence", Specialised, AgencyType.Auslaenderbehoerde, "KGSt B 15/2017, 2.4.2; external: § 71 AufenthG",
            "Residence titles, their extension, the permanent title and family reunification are decided by the Ausländerbehörde.")
        {
            Needs = [Topic.Aufenthalt],
        },
        new("jmd-age-12-to-26", MigrationAdvice, AgencyType.Jmd, "external: JMD serves young people from 12 up to their 27th birthday",
            "The Jugendmigrationsdienst (JMD) advises young people from 12 up to their 27th birthday.")
        {
            MinimumAge = 12, AgeBelow = 27,
        },
        new("mbe-from-27", MigrationAdvice, AgencyType.Mbe, "external: MBE serves adults from 27",
            "The Migrationsberatung für erwachsene Zuwanderer (MBE) advises adults from 27.")
        {
            MinimumAge = 27,
        },
        new("mbe-under-27-with-reason", MigrationAdvice, AgencyType.Mbe, "external: MBE takes under-27s whose questions are typical of adults",
            "An adult under 27 goes to the MBE only with a stated reason (questions typical of adults); otherwise the JMD advises.")
        {
            MinimumAge = 18, AgeBelow = 27, NeedsStatedReason = true,
        },
        new("welcome-center-skilled-immigration", Further, AgencyType.WelcomeCenter, "NAP-I, Themenforum Arbeitsmarkt, Kernvorhaben 5",
            "Skilled workers and their families are referred to the Welcome Center.")
        {
            SkilledImmigration = true,
        },
        new("language-course-from-16", Further, AgencyType.LanguageCourseProvider, "NAP-I, Kernvorhaben 5 (family checklist: language); KGSt B 15/2017, 2.2",
            "A language need from 16 goes to a language course provider (integration or job-related German course).")
        {
            MinimumAge = 16, Needs = [Topic.Sprache],
        },
    ];

    /// <summary>The agency types any rule routes to: what the directory is asked for.</summary>
    public static IReadOnlyList<AgencyType> Receivers { get; } = [.. All.Select(r => r.Receiver).Distinct()];
}
