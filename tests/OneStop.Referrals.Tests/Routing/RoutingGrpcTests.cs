using Grpc.Core;
using OneStop.Directory.V1;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Tests.Routing;

/// <summary>SuggestReceivers and PlanFamilyIntake through a real host, with the real directory and its demo seed.</summary>
public sealed class RoutingGrpcTests(RoutingTestHosts hosts) : IClassFixture<RoutingTestHosts>
{
    private const string Lippe = "05766";
    private const string Detmold = "05766020";

    private static CallerIdentity Caller(string role, string region = Lippe) =>
        new("counsellor-7", "org-ip-lippe", region, new HashSet<string> { role });

    private ReferralRouting.ReferralRoutingClient Counsellor => hosts.ClientFor(Caller(OneStopRoles.Counsellor));

    private static SuggestReceiversRequest NursingDiploma(string reason = "") => new()
    {
        Client = new RoutingClientFacts
        {
            ClientRef = "pc-4711",
            // 24 today: the 24th birthday is 1 July, today in Berlin while UTC is still on 30 June.
            BirthDate = new Date { Year = 2002, Month = 7, Day = 1 },
            ResidenceStatus = ResidenceStatus.ResidencePermit,
            MunicipalityAgs = Detmold,
            Languages = { "ar", "en" },
            ForeignQualification = RoutingQualification.Vocational,
        },
        Need = Topic.Arbeit,
        Under27Reason = reason,
    };

    [Fact]
    public async Task The_24_year_old_with_a_foreign_nursing_diploma_gets_JMD_and_IQ_and_MBE_only_with_a_reason()
    {
        var response = await Counsellor.SuggestReceiversAsync(NursingDiploma());

        Assert.Equal(24, response.Age);
        var iq = Assert.Single(response.Suggestions, s => s.AgencyType == AgencyType.IqCounselling);
        Assert.Equal("svc-iq-anerkennungsberatung", iq.ServiceId);
        Assert.Equal("org-iq-owl", iq.OrganizationId);
        Assert.Equal("pc-4711", iq.ClientRef);
        Assert.Equal(Topic.Arbeit, iq.Need);
        Assert.Equal("iq-foreign-qualification", Assert.Single(iq.Rules).RuleId);
        Assert.False(string.IsNullOrEmpty(iq.Rules[0].Source));
        Assert.Equal(["ar", "en"], iq.MatchedLanguages);
        var jmd = Assert.Single(response.Suggestions, s => s.AgencyType == AgencyType.Jmd);
        Assert.Equal("svc-jmd-detmold", jmd.ServiceId);
        Assert.Equal("org-jmd-diakonie-lippe", jmd.OrganizationId);
        Assert.Equal(Enumerable.Range(1, response.Suggestions.Count), response.Suggestions.Select(s => s.Rank));
        Assert.DoesNotContain(response.Suggestions, s => s.AgencyType == AgencyType.Mbe);
        var mbe = Assert.Single(response.Withheld, w => w.AgencyType == AgencyType.Mbe);
        Assert.Equal("mbe-under-27-with-reason", mbe.RuleId);

        var withReason = await Counsellor.SuggestReceiversAsync(NursingDiploma("Married, own household: questions typical of adults."));

        var mbeSuggested = Assert.Single(withReason.Suggestions, s => s.AgencyType == AgencyType.Mbe);
        Assert.Equal("svc-mbe-detmold", mbeSuggested.ServiceId);
        Assert.Equal("Married, own household: questions typical of adults.", mbeSuggested.StatedReason);
    }

    [Fact]
    public async Task The_family_of_four_gets_MBE_for_the_spouse_JMD_for_the_teenager_and_a_Kita_contact_for_the_small_child()
    {
        var request = new PlanFamilyIntakeRequest
        {
            Household = new IntakeHousehold
            {
                HouseholdRef = "hh-12",
                MunicipalityAgs = Detmold,
                Persons =
                {
                    Person("p-worker", 40, IntakeRole.MainApplicant),
                    Person("p-spouse", 38, IntakeRole.Spouse),
                    Person("p-teen", 16, IntakeRole.Child),
                    Person("p-small", 4, IntakeRole.Child),
                },
            },
        };

        var response = await Counsellor.PlanFamilyIntakeAsync(request);

        Assert.Equal("hh-12", response.HouseholdRef);
        Assert.Equal(11, response.Needs.Count);
        IntakeNeed Need(IntakeChecklistItem item, string person) => Assert.Single(response.Needs, n => n.Item == item && n.ClientRef == person);
        var spouse = Need(IntakeChecklistItem.LanguageCourse, "p-spouse");
        Assert.Contains(spouse.Suggestions, s => s.AgencyType == AgencyType.Mbe && s.ClientRef == "p-spouse" && s.Need == Topic.Sprache);
        Assert.DoesNotContain(spouse.Suggestions, s => s.AgencyType == AgencyType.Jmd);
        var teen = Need(IntakeChecklistItem.LanguageCourse, "p-teen");
        Assert.Contains(teen.Suggestions, s => s.AgencyType == AgencyType.Jmd);
        Assert.DoesNotContain(teen.Suggestions, s => s.AgencyType == AgencyType.Mbe);
        var small = Need(IntakeChecklistItem.Childcare, "p-small");
        Assert.Equal("svc-jugendamt-kita", small.Suggestions[0].ServiceId);
        Assert.Equal("each child under 6", small.AppliesBecause);
    }

    private static IntakePerson Person(string id, int age, IntakeRole role) => new()
    {
        Role = role,
        Facts = new RoutingClientFacts { ClientRef = id, Age = age, ResidenceStatus = ResidenceStatus.ResidencePermit, Languages = { "en" } },
    };

    [Fact]
    public async Task Without_a_token_the_call_is_unauthenticated_and_other_roles_are_denied()
    {
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => hosts.ClientFor(null).SuggestReceiversAsync(NursingDiploma()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => hosts.ClientFor(Caller(OneStopRoles.Employer)).SuggestReceiversAsync(NursingDiploma()).ResponseAsync);
        // The front desk and agency systems may ask.
        Assert.NotEmpty((await hosts.ClientFor(Caller(OneStopRoles.Frontdesk)).SuggestReceiversAsync(NursingDiploma())).Suggestions);
        Assert.NotEmpty((await hosts.ClientFor(Caller(OneStopRoles.AgencySystem)).SuggestReceiversAsync(NursingDiploma())).Suggestions);
    }

    [Fact]
    public async Task A_municipality_outside_the_callers_region_is_refused()
    {
        var otherRegion = hosts.ClientFor(Caller(OneStopRoles.Counsellor, region: "05770"));

        await RpcAssert.InvalidAsync("client.municipality_ags", () => otherRegion.SuggestReceiversAsync(NursingDiploma()).ResponseAsync);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_the_field()
    {
        await Invalid("client", r => r.Client = null);
        await Invalid("client.age", r => r.Client.ClearAgeOrBirthDate());
        await Invalid("client.age", r => r.Client.Age = 121);
        await Invalid("client.birth_date", r => r.Client.BirthDate = new Date { Year = 2026, Month = 7, Day = 2 }); // tomorrow in Berlin
        await Invalid("client.birth_date", r => r.Client.BirthDate = new Date { Year = 2001, Month = 2, Day = 30 });
        await Invalid("client.municipality_ags", r => r.Client.MunicipalityAgs = "");
        await Invalid("client.municipality_ags", r => r.Client.MunicipalityAgs = "05766");
        await Invalid("client.languages[1]", r => r.Client.Languages[1] = "English");
        await Invalid("client.residence_status", r => r.Client.ResidenceStatus = (ResidenceStatus)99);
        await Invalid("need", r => r.Need = Topic.Unspecified);
        await Invalid("under_27_reason", r => r.Under27Reason = new string('x', 501));

        async Task Invalid(string field, Action<SuggestReceiversRequest> change)
        {
            var request = NursingDiploma();
            change(request);
            await RpcAssert.InvalidAsync(field, () => Counsellor.SuggestReceiversAsync(request).ResponseAsync);
        }
    }

    [Fact]
    public async Task A_child_born_today_in_Berlin_is_0_though_UTC_is_still_on_the_day_before()
    {
        var request = NursingDiploma();
        request.Client.BirthDate = new Date { Year = 2026, Month = 7, Day = 1 };
        request.Need = Topic.FamilieKinderbetreuung;

        var response = await Counsellor.SuggestReceiversAsync(request);

        Assert.Equal(0, response.Age);
        Assert.Equal("svc-jugendamt-kita", response.Suggestions[0].ServiceId);
    }

    [Fact]
    public async Task Bad_household_input_names_the_person_and_field()
    {
        await Invalid("household.persons[1].facts.birth_date",
            h => h.Persons[1].Facts.BirthDate = new Date { Year = 2026, Month = 7, Day = 2 });
        await Invalid("household.persons[1].facts.client_ref", h => h.Persons[1].Facts.ClientRef = "p-worker");
        await Invalid("household.persons[0].role", h => h.Persons[0].Role = IntakeRole.Unspecified);
        await Invalid("household.persons", h => h.Persons[1].Role = IntakeRole.MainApplicant);
        await Invalid("household.municipality_ags", h => h.MunicipalityAgs = "05770004");
        await Invalid("household.persons[1].facts", h => h.Persons[1].Facts = null);

        async Task Invalid(string field, Action<IntakeHousehold> change)
        {
            var household = new IntakeHousehold
            {
                MunicipalityAgs = Detmold,
                Persons = { Person("p-worker", 40, IntakeRole.MainApplicant), Person("p-spouse", 38, IntakeRole.Spouse) },
            };
            change(household);
            await RpcAssert.InvalidAsync(field, () => Counsellor.PlanFamilyIntakeAsync(new PlanFamilyIntakeRequest { Household = household }).ResponseAsync);
        }
        await RpcAssert.InvalidAsync("items[0]", () => Counsellor.PlanFamilyIntakeAsync(new PlanFamilyIntakeRequest
        {
            Household = new IntakeHousehold { MunicipalityAgs = Detmold, Persons = { Person("p-worker", 40, IntakeRole.MainApplicant) } },
            Items = { IntakeChecklistItem.Unspecified },
        }).ResponseAsync);
    }
}
