using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OneStop.Directory.V1;
using OneStop.Referrals.Data;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Tests.Routing;

/// <summary>
/// SubmitFamilyIntake through a real host with the real directory and its demo seed: one intake creates one sent
/// referral per person and need, with the consents, events and audited disclosures, in one transaction.
/// </summary>
public sealed class FamilyIntakeSubmitTests(RoutingTestHosts hosts) : IClassFixture<RoutingTestHosts>
{
    private const string Detmold = "05766020";
    private static readonly CallerIdentity IpCounsellor = new("counsellor-7", "org-ip-lippe", "05766", new HashSet<string> { OneStopRoles.Counsellor });

    private ReferralRouting.ReferralRoutingClient Counsellor => hosts.ClientFor(IpCounsellor);

    [Fact]
    public async Task The_family_of_four_gets_one_sent_referral_per_person_and_need_with_consents_events_and_audit()
    {
        var request = FamilyOfFour("hh-submit");

        var response = await Counsellor.SubmitFamilyIntakeAsync(request);

        var plan = await Counsellor.PlanFamilyIntakeAsync(new PlanFamilyIntakeRequest { Household = request.Household });
        Assert.Equal(plan.Needs.Count, response.Referrals.Count + response.Unrouted.Count);
        Assert.NotEmpty(response.Referrals);
        Assert.All(response.Referrals, r =>
        {
            Assert.Equal(ReferralState.Requested, r.State);
            Assert.Equal("org-ip-lippe", r.SenderOrganizationId);
            Assert.NotEqual("org-ip-lippe", r.ReceiverOrganizationId);
            Assert.Single(r.Needs);
        });
        // One referral per person and checklist item (the reason names the item; family reunification and the permanent
        // residence title share the topic AUFENTHALT).
        Assert.Equal(response.Referrals.Count, response.Referrals.Select(r => (r.ClientId, r.Reason)).Distinct().Count());
        Referral Of(string person, Topic need) => Assert.Single(response.Referrals, r => r.ClientId == person && r.Needs[0] == need);
        Assert.StartsWith("org-mbe-", Of("p-spouse", Topic.Sprache).ReceiverOrganizationId, StringComparison.Ordinal);
        Assert.StartsWith("org-jmd-", Of("p-teen", Topic.Sprache).ReceiverOrganizationId, StringComparison.Ordinal);
        Assert.Equal("svc-jugendamt-kita", Of("p-small", Topic.FamilieKinderbetreuung).ReceiverServiceId);

        var ids = response.Referrals.Select(r => r.Id).ToList();
        var (events, audits, consents) = await hosts.Referrals.QueryAsync<ReferralsDbContext, (int, int, int)>(async db => (
            await db.ReferralEvents.CountAsync(e => ids.Contains(e.ReferralId)),
            await db.AuditEntries.CountAsync(a => a.ClientId.StartsWith("p-") && a.ActorOrganizationId == "org-ip-lippe"),
            await db.Consents.CountAsync(c => c.ClientId.StartsWith("p-"))));
        Assert.Equal(ids.Count, events); // each referral its Created event
        Assert.Equal(ids.Count, audits); // each sent referral its audited disclosure
        Assert.Equal(response.Referrals.Select(r => r.ClientId).Distinct().Count(), consents); // one consent per referred person
    }

    [Fact]
    public async Task A_bad_person_entry_rejects_the_whole_intake_naming_the_field_and_writes_nothing()
    {
        var before = await RowCountsAsync();

        var badPerson = FamilyOfFour("hh-bad-person");
        badPerson.Household.Persons[2].Role = IntakeRole.Unspecified;
        await RpcAssert.InvalidAsync("household.persons[2].role", () => Counsellor.SubmitFamilyIntakeAsync(badPerson).ResponseAsync);

        // Valid household, but the small child has no consent: refused although the others' referrals would be fine.
        var missingConsent = FamilyOfFour("hh-no-consent");
        missingConsent.Consents.RemoveAt(3);
        await RpcAssert.InvalidAsync("consents", () => Counsellor.SubmitFamilyIntakeAsync(missingConsent).ResponseAsync);

        var badChoice = FamilyOfFour("hh-bad-choice");
        badChoice.Choices.Add(new IntakeChoice { ClientRef = "p-teen", Item = IntakeChecklistItem.LanguageCourse, ServiceId = "svc-mbe-detmold" });
        await RpcAssert.InvalidAsync("choices[0].service_id", () => Counsellor.SubmitFamilyIntakeAsync(badChoice).ResponseAsync);

        Assert.Equal(before, await RowCountsAsync());
    }

    private Task<string> RowCountsAsync() => hosts.Referrals.QueryAsync<ReferralsDbContext, string>(async db =>
        $"referrals={await db.Referrals.CountAsync(r => r.ClientId.StartsWith("p-"))} events={await db.ReferralEvents.CountAsync()} " +
        $"consents={await db.Consents.CountAsync(c => c.ClientId.StartsWith("p-"))} audit={await db.AuditEntries.CountAsync()}");

    private static SubmitFamilyIntakeRequest FamilyOfFour(string householdRef) => new()
    {
        Household = new IntakeHousehold
        {
            HouseholdRef = householdRef,
            MunicipalityAgs = Detmold,
            Persons =
            {
                Person("p-worker", 40, IntakeRole.MainApplicant),
                Person("p-spouse", 38, IntakeRole.Spouse),
                Person("p-teen", 16, IntakeRole.Child),
                Person("p-small", 4, IntakeRole.Child),
            },
        },
        Consents = { Consent("p-worker"), Consent("p-spouse"), Consent("p-teen"), Consent("p-small") },
    };

    private static IntakePerson Person(string id, int age, IntakeRole role) => new()
    {
        Role = role,
        Facts = new RoutingClientFacts { ClientRef = id, Age = age, ResidenceStatus = ResidenceStatus.ResidencePermit, Languages = { "en" } },
    };

    private static IntakeConsent Consent(string person) => new()
    {
        ClientRef = person,
        Categories = { DataCategory.Needs, DataCategory.Languages, DataCategory.Family },
        ValidUntil = Timestamp.FromDateTimeOffset(RoutingTestHosts.Now.AddYears(1)),
        Method = ConsentMethod.SignedForm,
    };
}
