using Grpc.Core;
using OneStop.Referrals.V1;
using OneStop.Skills.Tests.TestSupport;
using OneStop.Skills.V1;
using static OneStop.Skills.Tests.TestSupport.Scenario;

namespace OneStop.Skills.Tests.Postgres;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "skills-postgres";
}

/// <summary>Commands, versions, consent-gated reads and the candidate search on PostgreSQL instead of SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSkillsTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Profile_rules_versions_consent_and_search_hold_on_postgres()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now),
            PostgresServerFixture.ServiceSettings(Extensions.DatabaseName, await server.CreateDatabaseAsync()));
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest { ClientId = "c-pg", Area = "32756" });
        profile = await skills.AddQualificationAsync(new AddQualificationRequest
        {
            ClientId = "c-pg", ExpectedVersion = profile.Version,
            Qualification = new Qualification { Country = "TR", OriginalTitle = "Elektrik Teknisyeni", LevelScheme = LevelScheme.Dqr, Level = 4, KldbCode = "26212" },
        });
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => skills.RecordSkillAsync(new RecordSkillRequest
        {
            ClientId = "c-pg", ExpectedVersion = 1, Skill = new Skill { Code = "26212", Years = 5, Evidence = EvidenceLevel.SelfReported },
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.Skills(JobcenterCounsellor).GetProfileAsync(new GetProfileRequest { ClientId = "c-pg" }).ResponseAsync);
        await host.Consents(IpFrontdesk).RecordConsentAsync(Consent("c-pg", EmployerService, ConsentPurpose.EmployerMatching));

        var found = await host.Skills(EmployerSystem).FindCandidatesAsync(new FindCandidatesRequest { KldbCodes = { "26212" }, RecognitionNeeded = true, Area = "32" });
        var versions = await skills.ListProfileVersionsAsync(new ListProfileVersionsRequest { ClientId = "c-pg" });

        Assert.Empty(profile.BlockedOccupations); // electrician: not regulated for employees
        Assert.Contains("26212: qualification DQR 4, recognition not started", Assert.Single(found.Candidates).MatchedFacts);
        Assert.Equal([1L, 2L], versions.Versions.Select(v => v.Version));
    }
}
