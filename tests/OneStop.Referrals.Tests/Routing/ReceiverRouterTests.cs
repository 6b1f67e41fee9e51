using OneStop.Directory.Data.Seed;
using OneStop.Directory.V1;
using OneStop.Referrals.Domain.Routing;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Tests.Routing;

/// <summary>The rules applied to the demo county's services in Detmold (the search result for that Gemeinde).</summary>
public sealed class ReceiverRouterTests
{
    private static readonly IReadOnlyList<CandidateService> Detmold = DemoCandidates.In(DemoCandidates.Detmold);

    private static ClientFacts Client(int age, params string[] languages) =>
        new("client-1", age, DemoCandidates.Detmold) { Languages = languages };

    private static IEnumerable<string> Suggested(RoutingOutcome outcome) => outcome.Suggestions.Select(s => s.Candidate.Service.Id);

    [Fact]
    public void A_24_year_old_with_a_foreign_nursing_diploma_gets_JMD_and_IQ_recognition_counselling_and_MBE_only_with_a_reason()
    {
        var client = Client(24, "ar", "en") with
        {
            ForeignQualification = RoutingQualification.Vocational,
            ResidenceStatus = ResidenceStatus.ResidencePermit,
        };

        var outcome = ReceiverRouter.Suggest(client, Topic.Arbeit, Detmold);

        Assert.Contains("svc-jmd-detmold", Suggested(outcome));
        Assert.Contains("svc-iq-anerkennungsberatung", Suggested(outcome));
        Assert.DoesNotContain(outcome.Suggestions, s => s.Candidate.AgencyType == AgencyType.Mbe);
        var iq = outcome.Suggestions.Single(s => s.Candidate.Service.Id == "svc-iq-anerkennungsberatung");
        var iqRule = Assert.Single(iq.Rules);
        Assert.Equal("iq-foreign-qualification", iqRule.Rule.Id);
        Assert.Contains("foreign vocational qualification", iqRule.Facts);
        var jmd = outcome.Suggestions.Single(s => s.Candidate.Service.Id == "svc-jmd-detmold");
        Assert.Equal("jmd-age-12-to-26", Assert.Single(jmd.Rules).Rule.Id);
        Assert.Contains(jmd.Fit, f => f.Contains("age 24 is within its age bounds (from 12 to under 27)", StringComparison.Ordinal));
        // IQ (specialised counselling) ranks before the JMD (general migration advice).
        Assert.True(iq.Rank < jmd.Rank);
        // MBE is withheld, and the reason says what is missing.
        var mbe = Assert.Single(outcome.Withheld, w => w.AgencyType == AgencyType.Mbe);
        Assert.Equal("mbe-under-27-with-reason", mbe.RuleId);
        Assert.Null(mbe.Candidate);
        Assert.Contains("under_27_reason", mbe.Reason, StringComparison.Ordinal);

        var withReason = ReceiverRouter.Suggest(client with { Under27Reason = "Lives with her own family; questions typical of adults." }, Topic.Arbeit, Detmold);

        var mbeSuggested = Assert.Single(withReason.Suggestions, s => s.Candidate.AgencyType == AgencyType.Mbe);
        Assert.Equal("svc-mbe-detmold", mbeSuggested.Candidate.Service.Id);
        Assert.Equal("mbe-under-27-with-reason", Assert.Single(mbeSuggested.Rules).Rule.Id);
        Assert.Equal("Lives with her own family; questions typical of adults.", mbeSuggested.StatedReason);
        Assert.Contains(mbeSuggested.Fit, f => f.Contains("admitted with the stated reason", StringComparison.Ordinal));
        Assert.Contains("svc-jmd-detmold", Suggested(withReason));
        Assert.DoesNotContain(withReason.Withheld, w => w.AgencyType == AgencyType.Mbe);
    }

    [Theory]
    [InlineData(11, false, false)]
    [InlineData(12, true, false)]
    [InlineData(26, true, false)]
    [InlineData(27, false, true)]
    [InlineData(64, false, true)]
    public void JMD_serves_12_up_to_the_27th_birthday_and_MBE_from_27(int age, bool jmd, bool mbe)
    {
        var outcome = ReceiverRouter.Suggest(Client(age), Topic.Sprache, Detmold);

        Assert.Equal(jmd, outcome.Suggestions.Any(s => s.Candidate.AgencyType == AgencyType.Jmd));
        Assert.Equal(mbe, outcome.Suggestions.Any(s => s.Candidate.AgencyType == AgencyType.Mbe));
        // The rules themselves draw the line, not only the services' age bounds: outside it, the JMD is not even considered.
        Assert.Equal(jmd, outcome.Suggestions.Concat<object>(outcome.Withheld).Any(x => x is Suggestion { Candidate.AgencyType: AgencyType.Jmd }
            or Withheld { AgencyType: AgencyType.Jmd }));
        Assert.Equal(mbe, RoutingRules.All.Any(r => r.Receiver == AgencyType.Mbe && !r.NeedsStatedReason
            && ReceiverRouter.Applies(r, Client(age), Topic.Sprache, out _)));
    }

    [Fact]
    public void A_person_with_a_Gestattung_goes_to_the_Agentur_fuer_Arbeit_first()
    {
        var client = Client(35) with { ResidenceStatus = ResidenceStatus.AsylumSeeker, LegalRegime = RoutingLegalRegime.Asylblg };

        var outcome = ReceiverRouter.Suggest(client, Topic.Arbeit, Detmold);

        var first = outcome.Suggestions[0];
        Assert.Equal("svc-aa-internationale-fachkraefte", first.Candidate.Service.Id);
        Assert.Equal(1, first.Rank);
        var rule = Assert.Single(first.Rules);
        Assert.Equal("agentur-gestattung", rule.Rule.Id);
        Assert.Equal("KGSt B 15/2017, 2.4.2", rule.Rule.Source);
        Assert.Contains("residence status Gestattung", rule.Facts);
        Assert.DoesNotContain(outcome.Suggestions, s => s.Candidate.AgencyType == AgencyType.Jobcenter);
    }

    [Fact]
    public void A_recognized_refugee_on_SGB_II_goes_to_the_Jobcenter_first()
    {
        var client = Client(30) with { ResidenceStatus = ResidenceStatus.ResidencePermit, LegalRegime = RoutingLegalRegime.SgbIi };

        var outcome = ReceiverRouter.Suggest(client, Topic.Arbeit, Detmold);

        Assert.Equal("svc-jc-eingliederung", outcome.Suggestions[0].Candidate.Service.Id);
        Assert.Equal("jobcenter-sgb2", Assert.Single(outcome.Suggestions[0].Rules).Rule.Id);
        Assert.DoesNotContain(outcome.Suggestions, s => s.Candidate.AgencyType == AgencyType.AgenturFuerArbeit);
    }

    [Fact]
    public void A_service_whose_eligible_residence_statuses_exclude_the_client_is_withheld_with_the_reason()
    {
        // Inconsistent on purpose: SGB II with a Gestattung. The Jobcenter's eligibility lists no Gestattung.
        var client = Client(30) with { ResidenceStatus = ResidenceStatus.AsylumSeeker, LegalRegime = RoutingLegalRegime.SgbIi };

        var outcome = ReceiverRouter.Suggest(client, Topic.Arbeit, Detmold);

        var jobcenter = Assert.Single(outcome.Withheld, w => w.AgencyType == AgencyType.Jobcenter);
        Assert.Equal("svc-jc-eingliederung", jobcenter.Candidate!.Service.Id);
        Assert.Contains("residence status Gestattung is not among its eligible statuses", jobcenter.Reason, StringComparison.Ordinal);
        Assert.Contains(outcome.Suggestions, s => s.Candidate.AgencyType == AgencyType.AgenturFuerArbeit);
    }

    [Fact]
    public void Children_under_6_mean_a_Kita_contact_for_the_parent_and_for_the_child()
    {
        var parent = ReceiverRouter.Suggest(Client(38) with { ChildrenUnder6 = true }, Topic.FamilieKinderbetreuung, Detmold);
        var child = ReceiverRouter.Suggest(Client(4), Topic.FamilieKinderbetreuung, Detmold);
        var noChildren = ReceiverRouter.Suggest(Client(38), Topic.FamilieKinderbetreuung, Detmold);

        Assert.Equal("svc-jugendamt-kita", parent.Suggestions[0].Candidate.Service.Id);
        Assert.Equal("kita-parent-of-child-under-6", Assert.Single(parent.Suggestions[0].Rules).Rule.Id);
        Assert.Equal("svc-jugendamt-kita", child.Suggestions[0].Candidate.Service.Id);
        Assert.Equal("kita-child-under-6", Assert.Single(child.Suggestions[0].Rules).Rule.Id);
        Assert.DoesNotContain(noChildren.Suggestions, s => s.Candidate.Service.Id == "svc-jugendamt-kita");
        // The Integrationsbüro is a Kommune too, but lists no childcare topic: considered, not suggested.
        Assert.Contains(parent.Withheld, w => w.Candidate?.Service.Id == "svc-ib-detmold-integrationslotsen"
            && w.Reason.Contains("does not list the topic FamilieKinderbetreuung", StringComparison.Ordinal));
    }

    [Fact]
    public void Within_one_kind_the_service_offered_in_the_clients_language_ranks_first_and_a_missing_language_means_an_interpreter()
    {
        var twoJmds = new[]
        {
            Candidate("svc-jmd-a", "de", "ru"),
            Candidate("svc-jmd-b", "de", "ti"),
        };

        var outcome = ReceiverRouter.Suggest(Client(19, "ti"), Topic.Bildung, twoJmds);
        var farsi = ReceiverRouter.Suggest(Client(19, "fa"), Topic.Bildung, twoJmds);

        Assert.Equal(["svc-jmd-b", "svc-jmd-a"], Suggested(outcome));
        Assert.Equal(["ti"], outcome.Suggestions[0].MatchedLanguages);
        Assert.False(outcome.Suggestions[0].InterpreterNeeded);
        Assert.True(outcome.Suggestions[1].InterpreterNeeded);
        Assert.Contains("offered in ti", outcome.Suggestions[0].RankExplanation, StringComparison.Ordinal);
        Assert.All(farsi.Suggestions, s => Assert.True(s.InterpreterNeeded));
    }

    [Fact]
    public void A_candidate_outside_the_area_is_withheld_and_a_kind_without_any_candidate_is_named()
    {
        var outside = Candidate("svc-jmd-elsewhere", "de") with { CoversMunicipality = false };

        var outcome = ReceiverRouter.Suggest(Client(19), Topic.Bildung, [outside]);

        Assert.Empty(outcome.Suggestions);
        Assert.Contains(outcome.Withheld, w => w.Candidate == outside && w.Reason.Contains("does not cover 05766020", StringComparison.Ordinal));
        var none = ReceiverRouter.Suggest(Client(19), Topic.Bildung, []);
        Assert.Contains(none.Withheld, w => w.AgencyType == AgencyType.Jmd && w.Candidate is null && w.Reason.Contains("No active directory service", StringComparison.Ordinal));
    }

    [Fact]
    public void The_demo_county_has_every_kind_of_receiver_the_rules_name_in_Detmold()
    {
        var kinds = Detmold.Select(c => c.AgencyType).ToHashSet();
        Assert.All(RoutingRules.Receivers, kind => Assert.Contains(kind, kinds));
        Assert.Contains(Detmold, c => c.AgencyType == AgencyType.Kommune && c.Service.Topics.Contains(Topic.FamilieKinderbetreuung));
        Assert.Contains(DemoCounty.Organizations, o => o.Id == DemoOrganizations.Jugendamt);
    }

    private static CandidateService Candidate(string id, params string[] languages) => new(
        new Service
        {
            Id = id, OrganizationId = "org-" + id, Name = id, Status = ServiceStatus.Active,
            Topics = { Topic.Bildung }, Languages = { languages },
            Eligibility = new Eligibility { MinimumAge = 12, MaximumAge = 27, MaximumAgeBound = AgeBound.Exclusive },
        },
        AgencyType.Jmd, "org " + id);
}
