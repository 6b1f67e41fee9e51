extern alias ReferralsService;
extern alias SkillsService;

using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Benchmarks.Directory;
using OneStop.ServiceDefaults.Identity;
using SkillsService::OneStop.Referrals.V1;
using SkillsService::OneStop.Skills;
using SkillsService::OneStop.Skills.Application;
using SkillsService::OneStop.Skills.CodeLists;
using SkillsService::OneStop.Skills.Data;
using SkillsService::OneStop.Skills.Domain;
using SkillsService::OneStop.Skills.V1;
using ReferralsExtensions = ReferralsService::OneStop.Referrals.Extensions;

namespace OneStop.Benchmarks.Skills;

/// <summary>
/// `skills-latency [profiles]`: the skills service and the referrals service (its consent ledger) in this process on
/// 127.0.0.1, each on its own SQLite file; <c>profiles</c> (default 50,000) seeded straight into the skills database,
/// consents recorded through gRPC. Prints FindCandidates and consent-checked GetProfile latencies through gRPC
/// (docs/benchmarks.md, Skills).
/// </summary>
internal static class SkillsLatencyCommand
{
    private const string Region = "05766";
    private const string Owner = "org-ip-lippe";
    private const string Jobcenter = "org-jobcenter-lippe";
    private const string EmployerService = "org-ag-s-lippe";

    public static async Task RunAsync(string[] args)
    {
        var profiles = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
        var root = Path.Combine(Path.GetTempPath(), "onestop-skills-bench", Guid.NewGuid().ToString("N"));
        var referrals = await StartAsync(Path.Combine(root, "referrals"), b => ReferralsExtensions.AddReferrals(b), a => ReferralsExtensions.MapReferrals(a),
            new() { ["OneStop:Directory:DirectoryAddress"] = "http://127.0.0.1:1" });
        var skills = await StartAsync(Path.Combine(root, "skills"), b => b.AddSkills(), a => a.MapSkills(),
            new() { [Extensions.ReferralsAddressKey] = Address(referrals) });
        try
        {
            var seed = Stopwatch.StartNew();
            var clients = await SeedAsync(skills, profiles);
            Console.WriteLine($"seeded {profiles:N0} profiles in {seed.Elapsed.TotalSeconds:F0} s");

            using var skillsChannel = GrpcChannel.ForAddress(Address(skills));
            using var referralsChannel = GrpcChannel.ForAddress(Address(referrals));
            var consents = new ConsentService.ConsentServiceClient(referralsChannel);
            var frontdesk = Bearer("ip-frontdesk", Owner, OneStopRoles.Frontdesk);
            // Matching consent for every second nurse; a profile consent for the Jobcenter on 200 clients.
            var nurses = clients.Where(c => c.Code == "81302").Select(c => c.ClientId).ToList();
            foreach (var client in nurses.Where((_, i) => i % 2 == 0))
                await consents.RecordConsentAsync(Consent(client, EmployerService, ConsentPurpose.EmployerMatching), frontdesk);
            var readable = clients.Take(200).Select(c => c.ClientId).ToList();
            foreach (var client in readable)
                await consents.RecordConsentAsync(Consent(client, Jobcenter, ConsentPurpose.SkillsProfile), frontdesk);

            var service = new SkillsService::OneStop.Skills.V1.SkillsService.SkillsServiceClient(skillsChannel);
            var matcher = Bearer("ags-matcher", EmployerService, OneStopRoles.AgencySystem);
            var jobcenter = Bearer("jc-counsellor", Jobcenter, OneStopRoles.Counsellor);
            var search = new FindCandidatesRequest { KldbCodes = { "81302", "82102" }, MinSpeaking = Cefr.B1, MinListening = Cefr.B1, MaxResults = 20 };
            var find = new LatencySamples("FindCandidates (81302/82102, speaking+listening ≥ B1, 20 results)", 300);
            var read = new LatencySamples("GetProfile by another organization, with its CheckConsent (allowed, audited)", 2000);
            var found = 0;
            for (var i = 0; i < 30; i++) await service.FindCandidatesAsync(search, matcher);
            for (var i = 0; i < 200; i++) await service.GetProfileAsync(new GetProfileRequest { ClientId = readable[i % readable.Count] }, jobcenter);
            for (var i = 0; i < 300; i++)
            {
                var t = Stopwatch.GetTimestamp();
                found = (await service.FindCandidatesAsync(search, matcher)).Candidates.Count;
                find.Add(Stopwatch.GetTimestamp() - t);
            }
            for (var i = 0; i < 2000; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await service.GetProfileAsync(new GetProfileRequest { ClientId = readable[i % readable.Count] }, jobcenter);
                read.Add(Stopwatch.GetTimestamp() - t);
            }
            Console.WriteLine($"candidates per search: {found}; nurses with matching consent: {(nurses.Count + 1) / 2}");
            Console.WriteLine(LatencySamples.Header);
            Console.WriteLine(find.Row());
            Console.WriteLine(read.Row());
        }
        finally
        {
            await skills.StopAsync();
            await referrals.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<WebApplication> StartAsync(string dataDirectory, Action<WebApplicationBuilder> add, Action<WebApplication> map,
        Dictionary<string, string?> settings)
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:DataDirectory"] = dataDirectory,
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(Path.GetFileName(dataDirectory), 0);
        add(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        map(app);
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static Metadata Bearer(string subject, string organization, string role) =>
        new() { { "authorization", "Bearer " + DevelopmentTokens.Create(subject, organization, Region, new HashSet<string> { role }) } };

    private static RecordConsentRequest Consent(string clientId, string recipient, ConsentPurpose purpose) => new()
    {
        ClientId = clientId, Purpose = purpose, RecipientOrganizationIds = { recipient }, Categories = { DataCategory.Qualifications },
        ValidUntil = Timestamp.FromDateTime(DateTime.UtcNow.AddYears(1)), Method = ConsentMethod.SignedForm,
    };

    /// <summary>Profiles written as the commands would write them (derived rules, document, occupations, first version), in batches.</summary>
    private static async Task<List<(string ClientId, string Code)>> SeedAsync(WebApplication skills, int count)
    {
        var catalog = skills.Services.GetRequiredService<OccupationCatalog>();
        var random = new Random(42);
        var clients = new List<(string, string)>(count);
        const int Batch = 2_000;
        for (var start = 0; start < count; start += Batch)
        {
            await using var scope = skills.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SkillsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var code = catalog.All[random.Next(catalog.All.Count)].KldbCode;
                var profile = new Profile { ClientId = $"c-{i:D6}", RegionAgs = Region, OwnerOrganizationId = Owner, Area = $"327{random.Next(10)}{random.Next(10)}", Version = 1 };
                if (random.Next(3) == 0)
                    profile.Skills.Add(new Skill { Id = "s1", Code = code, Years = random.Next(1, 15), Evidence = EvidenceLevel.SelfReported });
                else
                    profile.Qualifications.Add(new Qualification
                    {
                        Id = "q1", Country = "SY", OriginalTitle = "Diploma", LevelScheme = LevelScheme.Dqr, Level = OccupationCatalog.DqrOf(code), KldbCode = code,
                        Recognition = new Recognition { State = random.Next(2) == 0 ? RecognitionState.FullEquivalence : RecognitionState.NotStarted },
                    });
                var level = (Cefr)random.Next(1, 7);
                profile.Languages.Add(new LanguageResult { Language = "de", Listening = level, Reading = level, Speaking = level, Writing = level, Evidence = LanguageEvidence.PlacementTest });
                ProfileRules.Derive(profile, catalog);
                var now = DateTime.UtcNow;
                var record = new ProfileRecord
                {
                    RegionAgs = Region, ClientId = profile.ClientId, OwnerOrganizationId = Owner, Area = profile.Area, Version = 1, UpdatedAt = now,
                    Document = ProfileDocuments.ToJson(profile),
                    GermanListening = (int)level, GermanReading = (int)level, GermanSpeaking = (int)level, GermanWriting = (int)level,
                };
                foreach (var (c, fact) in MatchFacts.Of(profile))
                    record.Occupations.Add(new ProfileOccupationRecord { RegionAgs = Region, KldbCode = c, MayWork = ProfileRules.MayWorkIn(profile, c), Fact = fact });
                db.Profiles.Add(record);
                db.ProfileVersions.Add(new ProfileVersionRecord
                {
                    RegionAgs = Region, ClientId = profile.ClientId, OwnerOrganizationId = Owner, Version = 1, Change = "Seed", At = now, Document = record.Document,
                });
                clients.Add((profile.ClientId, code));
            }
            await db.SaveChangesAsync();
        }
        return clients;
    }
}
