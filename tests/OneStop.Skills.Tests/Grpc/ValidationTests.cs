using Grpc.Core;
using OneStop.ServiceDefaults.Identity;
using OneStop.Skills.Tests.TestSupport;
using OneStop.Skills.V1;
using static OneStop.Skills.Tests.TestSupport.Scenario;

namespace OneStop.Skills.Tests.Grpc;

/// <summary>Bad input names its field, stale versions are ABORTED, regions do not see each other, and nothing is half-written.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_the_field_and_writes_nothing()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest { ClientId = "c-v" });
        Qualification Valid() => new() { Country = "SY", OriginalTitle = "Diploma", LevelScheme = LevelScheme.Dqr, Level = 4, KldbCode = "26212" };
        Task Add(Qualification q) => skills.AddQualificationAsync(new AddQualificationRequest { ClientId = "c-v", ExpectedVersion = profile.Version, Qualification = q }).ResponseAsync;

        await RpcAssert.InvalidAsync("client_id", () => skills.CreateProfileAsync(new CreateProfileRequest()).ResponseAsync);
        await RpcAssert.InvalidAsync("qualification.country", () => { var q = Valid(); q.Country = "Syria"; return Add(q); });
        await RpcAssert.InvalidAsync("qualification.level", () => { var q = Valid(); q.Level = 9; return Add(q); });
        await RpcAssert.InvalidAsync("qualification.kldb_code", () => { var q = Valid(); q.KldbCode = "99999"; return Add(q); });
        await RpcAssert.InvalidAsync("qualification.recognition.compensation_measure", () =>
        {
            var q = Valid();
            q.Recognition = new Recognition { State = RecognitionState.PartialEquivalence, CompetentBody = "HWK", DecidedAt = At(2026, 1, 1) };
            return Add(q);
        });
        await RpcAssert.InvalidAsync("skill.evidence_date", () => skills.RecordSkillAsync(new RecordSkillRequest
        {
            ClientId = "c-v", ExpectedVersion = profile.Version, Skill = new Skill { Code = "22342", Years = 3, Evidence = EvidenceLevel.PracticalTest },
        }).ResponseAsync);
        await RpcAssert.InvalidAsync("result.certificate_name", () => skills.RecordLanguageResultAsync(new RecordLanguageResultRequest
        {
            ClientId = "c-v", ExpectedVersion = profile.Version, Result = new LanguageResult { Language = "de", Evidence = LanguageEvidence.Certificate, AssessedAt = At(2026, 1, 1) },
        }).ResponseAsync);
        await RpcAssert.InvalidAsync("language", () => skills.GetProfileSummaryAsync(new GetProfileSummaryRequest { ClientId = "c-v", Language = "fr" }).ResponseAsync);
        await RpcAssert.InvalidAsync("kldb_codes", () => host.Skills(EmployerSystem).FindCandidatesAsync(new FindCandidatesRequest()).ResponseAsync);
        // A company's own token does not search profiles; only the employer-requests service (agency-system) does.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.Skills(Caller("firm-1", "org-firm-1", Region, OneStopRoles.Employer))
            .FindCandidatesAsync(new FindCandidatesRequest { KldbCodes = { "81302" } }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => skills.AddQualificationAsync(new AddQualificationRequest
        {
            ClientId = "c-v", ExpectedVersion = profile.Version + 7, Qualification = Valid(),
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => skills.CreateProfileAsync(new CreateProfileRequest { ClientId = "c-v" }).ResponseAsync);

        var stored = await skills.GetProfileAsync(new GetProfileRequest { ClientId = "c-v" });
        Assert.Equal(1, stored.Version);
        Assert.Equal(1, await host.QueryAsync(db => Task.FromResult(db.ProfileVersions.Count())));
    }

    [Fact]
    public async Task Another_region_does_not_see_the_profile_and_only_the_owner_changes_it()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        var profile = await host.Skills(IpCounsellor).CreateProfileAsync(new CreateProfileRequest { ClientId = "c-r", Area = "32756" });

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Skills(OtherRegionCounsellor).GetProfileAsync(new GetProfileRequest { ClientId = "c-r" }).ResponseAsync);
        var own = await host.Skills(OtherRegionCounsellor).CreateProfileAsync(new CreateProfileRequest { ClientId = "c-r" }); // same pseudonym, other region: another person
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.Skills(JobcenterCounsellor).UpdateCourseFactsAsync(new UpdateCourseFactsRequest
        {
            ClientId = "c-r", ExpectedVersion = profile.Version, Area = "32758",
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.Skills(IpFrontdesk).CreateProfileAsync(new CreateProfileRequest { ClientId = "c-x" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => host.Skills(null!).GetProfileAsync(new GetProfileRequest { ClientId = "c-r" }).ResponseAsync);

        Assert.Equal((Region, OtherRegion), (profile.RegionAgs, own.RegionAgs));
        Assert.Equal("32756", (await host.Skills(IpCounsellor).GetProfileAsync(new GetProfileRequest { ClientId = "c-r" })).Area);
    }
}
