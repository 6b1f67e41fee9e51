using OneStop.Directory.V1;
using OneStop.Referrals.Domain.Intake;
using OneStop.Referrals.Domain.Routing;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Tests.Routing;

/// <summary>The newly arrived skilled worker's family of four in Detmold, planned against the demo county.</summary>
public sealed class FamilyIntakePlannerTests
{
    private static readonly IReadOnlyList<HouseholdMember> FamilyOfFour =
    [
        Member("p-worker", 40, IntakeRole.MainApplicant, ResidenceStatus.ResidencePermit, RoutingQualification.Vocational),
        Member("p-spouse", 38, IntakeRole.Spouse, ResidenceStatus.ResidencePermit),
        Member("p-teen", 16, IntakeRole.Child, ResidenceStatus.ResidencePermit),
        Member("p-small", 4, IntakeRole.Child, ResidenceStatus.ResidencePermit),
    ];

    private static HouseholdMember Member(string id, int age, IntakeRole role, ResidenceStatus status,
        RoutingQualification qualification = RoutingQualification.Unspecified) =>
        new(new ClientFacts(id, age, DemoCandidates.Detmold) { ResidenceStatus = status, ForeignQualification = qualification, Languages = ["en"] }, role);

    private static IReadOnlyList<IntakeNeedPlan> Plan(params IntakeChecklistItem[] items) =>
        FamilyIntakePlanner.Plan(FamilyOfFour, items, DemoCandidates.In);

    private static IntakeNeedPlan For(IReadOnlyList<IntakeNeedPlan> plans, IntakeChecklistItem item, string person) =>
        Assert.Single(plans, p => p.Entry.Item == item && p.Member.Facts.ClientRef == person);

    private static IEnumerable<AgencyType> Kinds(IntakeNeedPlan plan) => plan.Routing.Suggestions.Select(s => s.Candidate.AgencyType);

    [Fact]
    public void The_checklist_gives_each_person_the_items_that_apply_to_them()
    {
        var plans = Plan();

        string[] Persons(IntakeChecklistItem item) => [.. plans.Where(p => p.Entry.Item == item).Select(p => p.Member.Facts.ClientRef)];
        Assert.Equal(["p-worker"], Persons(IntakeChecklistItem.Housing));
        Assert.Equal(["p-worker", "p-spouse"], Persons(IntakeChecklistItem.HealthInsurance));
        Assert.Equal(["p-worker", "p-spouse", "p-teen"], Persons(IntakeChecklistItem.LanguageCourse));
        Assert.Equal(["p-small"], Persons(IntakeChecklistItem.Childcare));
        Assert.Equal(["p-worker"], Persons(IntakeChecklistItem.BankAccount));
        Assert.Equal(["p-worker"], Persons(IntakeChecklistItem.FamilyReunification));
        Assert.Equal(["p-worker", "p-spouse"], Persons(IntakeChecklistItem.PermanentResidence));
        Assert.Equal(11, plans.Count);
        Assert.All(plans, p => Assert.NotEmpty(p.Routing.Suggestions));
    }

    [Fact]
    public void The_spouse_of_38_goes_to_MBE_the_child_of_16_to_JMD_and_the_child_of_4_to_a_Kita_contact()
    {
        var plans = Plan();

        var spouse = For(plans, IntakeChecklistItem.LanguageCourse, "p-spouse");
        Assert.Contains(spouse.Routing.Suggestions, s => s.Candidate.Service.Id == "svc-mbe-detmold" && s.Rules.Any(r => r.Rule.Id == "mbe-from-27"));
        Assert.DoesNotContain(AgencyType.Jmd, Kinds(spouse));

        var teen = For(plans, IntakeChecklistItem.LanguageCourse, "p-teen");
        Assert.Contains(teen.Routing.Suggestions, s => s.Candidate.Service.Id == "svc-jmd-detmold" && s.Rules.Any(r => r.Rule.Id == "jmd-age-12-to-26"));
        Assert.DoesNotContain(AgencyType.Mbe, Kinds(teen));
        Assert.DoesNotContain(teen.Routing.Withheld, w => w.AgencyType == AgencyType.Mbe); // 16 is not an adult: no MBE note

        var small = For(plans, IntakeChecklistItem.Childcare, "p-small");
        Assert.Equal("svc-jugendamt-kita", small.Routing.Suggestions[0].Candidate.Service.Id);
        Assert.Equal("kita-child-under-6", Assert.Single(small.Routing.Suggestions[0].Rules).Rule.Id);
    }

    [Fact]
    public void Household_items_go_to_the_Welcome_Center_and_residence_items_to_the_Auslaenderbehoerde()
    {
        var plans = Plan();

        var housing = For(plans, IntakeChecklistItem.Housing, "p-worker");
        Assert.Contains(housing.Routing.Suggestions, s => s.Candidate.Service.Id == "svc-wc-ankommen"
            && s.Rules.Any(r => r.Rule.Id == "welcome-center-skilled-immigration" && r.Facts.Contains("skilled immigration")));
        Assert.Contains(AgencyType.Mbe, Kinds(housing));
        Assert.Equal(AgencyType.Auslaenderbehoerde, Kinds(For(plans, IntakeChecklistItem.FamilyReunification, "p-worker")).First());
        Assert.Equal(AgencyType.Auslaenderbehoerde, Kinds(For(plans, IntakeChecklistItem.PermanentResidence, "p-spouse")).First());
        Assert.Contains(AgencyType.Mbe, Kinds(For(plans, IntakeChecklistItem.HealthInsurance, "p-spouse")));
    }

    [Fact]
    public void Chosen_items_limit_the_plan_and_a_settled_adult_needs_no_permanent_title()
    {
        var settled = FamilyOfFour.Select(m => m.Facts.ClientRef == "p-spouse"
            ? m with { Facts = m.Facts with { ResidenceStatus = ResidenceStatus.SettlementPermit } } : m).ToList();

        var plans = FamilyIntakePlanner.Plan(settled, [IntakeChecklistItem.PermanentResidence], DemoCandidates.In);

        Assert.Equal(["p-worker"], plans.Select(p => p.Member.Facts.ClientRef));
    }
}
