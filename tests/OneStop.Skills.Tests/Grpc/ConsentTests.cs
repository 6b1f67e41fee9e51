using Grpc.Core;
using OneStop.Referrals.V1;
using OneStop.Skills.Tests.TestSupport;
using OneStop.Skills.V1;
using static OneStop.Skills.Tests.TestSupport.Scenario;

namespace OneStop.Skills.Tests.Grpc;

/// <summary>Reads by another organization go through the real referrals ledger, which audits each decision.</summary>
public sealed class ConsentTests
{
    private static async Task<Profile> NurseProfile(SkillsTestHost host, string clientId, string area = "32756")
    {
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest { ClientId = clientId, Area = area });
        profile = await skills.AddQualificationAsync(new AddQualificationRequest
        {
            ClientId = clientId, ExpectedVersion = profile.Version,
            Qualification = new Qualification
            {
                Country = "UA", OriginalTitle = "Медична сестра", LevelScheme = LevelScheme.Dqr, Level = 4, KldbCode = "81302", CertificateInGermany = true,
                Recognition = new Recognition { Regulated = true, CompetentBody = "Bezirksregierung Detmold", State = RecognitionState.FullEquivalence, DecidedAt = At(2026, 3, 1) },
            },
        });
        return await skills.RecordLanguageResultAsync(new RecordLanguageResultRequest
        {
            ClientId = clientId, ExpectedVersion = profile.Version,
            Result = new LanguageResult { Language = "de", Listening = Cefr.B2, Reading = Cefr.B2, Speaking = Cefr.B1, Writing = Cefr.B1,
                Evidence = LanguageEvidence.Certificate, CertificateName = "telc Deutsch B1-B2 Pflege", AssessedAt = At(2026, 4, 1) },
        });
    }

    [Fact]
    public async Task Jobcenter_read_is_refused_without_consent_and_allowed_with_it_both_audited()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        await NurseProfile(host, "c-1");
        var jobcenter = host.Skills(JobcenterCounsellor);

        var refused = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => jobcenter.GetProfileAsync(new GetProfileRequest { ClientId = "c-1" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => jobcenter.GetProfileSummaryAsync(new GetProfileSummaryRequest { ClientId = "c-1", Language = "de" }).ResponseAsync);
        await host.Consents(IpFrontdesk).RecordConsentAsync(Consent("c-1", Jobcenter, ConsentPurpose.SkillsProfile));
        var read = await jobcenter.GetProfileAsync(new GetProfileRequest { ClientId = "c-1" });
        await host.Skills(IpCounsellor).GetProfileAsync(new GetProfileRequest { ClientId = "c-1" }); // the owner: no consent needed, not a disclosure

        Assert.Contains(Jobcenter, refused.Status.Detail);
        Assert.Equal("81302", read.Qualifications.Single().KldbCode);
        var audit = (await host.Consents(IpFrontdesk).ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = "c-1" })).Entries;
        Assert.Equal([AuditDecision.Allowed, AuditDecision.Denied, AuditDecision.Denied], audit.Select(e => e.Decision)); // newest first
        Assert.All(audit, e => Assert.Equal((Jobcenter, JobcenterCounsellor.Subject, DataCategory.Qualifications), (e.ActorOrganizationId, e.ActorSubject, e.Categories.Single())));
        Assert.Equal("skills/profile/c-1", audit[0].Resource);
        Assert.NotEmpty(audit[0].ConsentId);
    }

    [Fact]
    public async Task A_skills_profile_consent_does_not_cover_employer_matching()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        await NurseProfile(host, "c-matching");
        await NurseProfile(host, "c-profile-only");
        await NurseProfile(host, "c-no-consent");
        await host.Consents(IpFrontdesk).RecordConsentAsync(Consent("c-matching", EmployerService, ConsentPurpose.EmployerMatching));
        await host.Consents(IpFrontdesk).RecordConsentAsync(Consent("c-profile-only", EmployerService, ConsentPurpose.SkillsProfile));

        var found = await host.Skills(EmployerSystem).FindCandidatesAsync(new FindCandidatesRequest
        {
            KldbCodes = { "81302", "82102" }, MinSpeaking = Cefr.B1, MinReading = Cefr.B2, RecognitionNeeded = true, Area = "327",
        });
        var again = await host.Skills(EmployerSystem).FindCandidatesAsync(new FindCandidatesRequest { KldbCodes = { "81302" } });
        var stricter = await host.Skills(EmployerSystem).FindCandidatesAsync(new FindCandidatesRequest { KldbCodes = { "81302" }, MinSpeaking = Cefr.B2 });

        var candidate = Assert.Single(found.Candidates);
        Assert.StartsWith("cand-", candidate.Pseudonym);
        Assert.DoesNotContain("c-matching", candidate.Pseudonym);
        Assert.Equal(candidate.Pseudonym, Assert.Single(again.Candidates).Pseudonym); // stable for one organization
        Assert.Contains("81302: qualification DQR 4, recognition full equivalence", candidate.MatchedFacts);
        Assert.Contains(candidate.MatchedFacts, f => f.Contains("speaking B1", StringComparison.Ordinal));
        Assert.Empty(stricter.Candidates);
        var audit = (await host.Consents(IpFrontdesk).ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = "c-profile-only" })).Entries;
        Assert.All(audit, e => Assert.Equal((AuditDecision.Denied, ConsentPurpose.EmployerMatching), (e.Decision, e.Purpose)));
        Assert.NotEmpty(audit);
    }

    [Fact]
    public async Task Recognition_needed_leaves_out_candidates_blocked_in_a_regulated_occupation()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest { ClientId = "c-partial" });
        await skills.AddQualificationAsync(new AddQualificationRequest
        {
            ClientId = "c-partial", ExpectedVersion = profile.Version,
            Qualification = new Qualification { Country = "IN", OriginalTitle = "GNM Nursing", LevelScheme = LevelScheme.Dqr, Level = 4, KldbCode = "81302",
                Recognition = new Recognition { CompetentBody = "Bezirksregierung Detmold", State = RecognitionState.PartialEquivalence,
                    CompensationMeasure = CompensationMeasure.AdaptationPeriod, DecidedAt = At(2026, 4, 1) } },
        });
        await host.Consents(IpFrontdesk).RecordConsentAsync(Consent("c-partial", EmployerService, ConsentPurpose.EmployerMatching));

        var needed = await host.Skills(EmployerSystem).FindCandidatesAsync(new FindCandidatesRequest { KldbCodes = { "81302" }, RecognitionNeeded = true });
        var any = await host.Skills(EmployerSystem).FindCandidatesAsync(new FindCandidatesRequest { KldbCodes = { "81302" } });

        Assert.Empty(needed.Candidates);
        Assert.Contains("81302: qualification DQR 4, recognition partial equivalence", Assert.Single(any.Candidates).MatchedFacts);
    }

    [Fact]
    public async Task Watch_sends_own_profiles_and_others_only_under_consent()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        await NurseProfile(host, "c-shared");
        await NurseProfile(host, "c-private");
        await host.Consents(IpFrontdesk).RecordConsentAsync(Consent("c-shared", Jobcenter, ConsentPurpose.SkillsProfile));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var call = host.Skills(JobcenterCounsellor).WatchProfiles(new WatchProfilesRequest { FromVersion = 0 }, cancellationToken: cts.Token);

        var seen = new List<ProfileChange>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext(cts.Token));
            seen.Add(call.ResponseStream.Current);
        }

        // c-private's three changes lie between these and the next one; they are not sent.
        var shared = await host.Skills(IpCounsellor).GetProfileAsync(new GetProfileRequest { ClientId = "c-shared" });
        await host.Skills(IpCounsellor).UpdateCourseFactsAsync(new UpdateCourseFactsRequest { ClientId = "c-shared", ExpectedVersion = shared.Version, Area = "32758" });
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        seen.Add(call.ResponseStream.Current);

        Assert.All(seen, c => Assert.Equal("c-shared", c.Profile.ClientId));
        Assert.Equal(["CreateProfile", "AddQualification", "RecordLanguageResult", "UpdateCourseFacts"], seen.Select(c => c.Change));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Version < p.Second.Version));
    }
}
