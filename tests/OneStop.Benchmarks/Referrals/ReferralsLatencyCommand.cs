extern alias ReferralsService;

using System.Diagnostics;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Benchmarks.Directory;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;
using ReferralsService::OneStop.Referrals.Data;
using ReferralsService::OneStop.Referrals.V1;
using ReferralsExtensions = ReferralsService::OneStop.Referrals.Extensions;

namespace OneStop.Benchmarks.Referrals;

/// <summary>
/// `referrals-latency [referrals]`: the referrals service as Program.cs builds it, in this process on Kestrel
/// (127.0.0.1, h2c) over a fresh SQLite file holding <c>referrals</c> referrals (default 100,000) of one region,
/// called through its gRPC API from one client. Measures, each after a warm-up:
/// an inbox page of 50 filtered by state (target p95 ≤ 10 ms), CheckConsent (target p99 ≤ 2 ms), and creating a
/// sent referral with its event and disclosure audit entry (target ≥ 300 per second), sequentially and with 8 callers.
/// grpc.health.v1 Check on the same channel is the baseline: the cost of a call that does no work.
/// </summary>
internal static class ReferralsLatencyCommand
{
    private const string Region = "05554";
    private const string Sender = "org-ip";
    private const string Receiver = "org-aa";
    private const string ReceiverService = "svc-aa";
    private const int Organizations = 20;

    public static async Task RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "onestop-referrals-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dataDirectory);
        await using var directory = await FakeDirectory.StartAsync();
        var app = Build(dataDirectory, directory.Address);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var seed = Stopwatch.StartNew();
            await SeedAsync(app.Services, total);
            Console.WriteLine($"Seeded {total:N0} referrals in {seed.Elapsed.TotalSeconds:F1} s ({dataDirectory})");

            using var channel = GrpcChannel.ForAddress(address);
            var counsellor = Invoker(channel, "co-aa", Receiver, OneStopRoles.Counsellor);
            var sender = Invoker(channel, "co-ip", Sender, OneStopRoles.Counsellor);
            var system = Invoker(channel, "skills", "org-skills", OneStopRoles.AgencySystem);
            var health = new Health.HealthClient(channel);
            var referrals = new ReferralService.ReferralServiceClient(counsellor);
            var senderReferrals = new ReferralService.ReferralServiceClient(sender);
            var consents = new ConsentService.ConsentServiceClient(system);
            await new ConsentService.ConsentServiceClient(sender).RecordConsentAsync(new RecordConsentRequest
            {
                ClientId = "client-bench", Purpose = ConsentPurpose.Referral, RecipientOrganizationIds = { Receiver },
                Categories = { DataCategory.Needs }, ValidUntil = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30)), Method = ConsentMethod.SignedForm,
            });

            var inbox = new ListReferralsRequest { Box = Box.Inbox, States = { ReferralState.Requested }, PageSize = 50 };
            var check = new CheckConsentRequest
            {
                ClientId = "client-bench", OrganizationId = Receiver, Category = DataCategory.Needs, Purpose = ConsentPurpose.Referral, Resource = "bench",
            };
            var rows = (await referrals.ListReferralsAsync(inbox)).Referrals.Count;
            Console.WriteLine($"inbox page: {rows} rows of state requested for {Receiver}");

            var rounds = new[] { new LatencySamples("grpc.health.v1 Check (baseline)", 2000), new LatencySamples("ListReferrals inbox, 50 rows, state filter", 2000),
                new LatencySamples("CheckConsent (audited)", 2000) };
            for (var i = 0; i < 300; i++)
            {
                await health.CheckAsync(new HealthCheckRequest());
                await referrals.ListReferralsAsync(inbox);
                await consents.CheckConsentAsync(check);
            }
            // Interleaved, so a burst of load from other processes hits all three alike.
            for (var i = 0; i < 2000; i++)
            {
                rounds[0].Add(await Time(() => health.CheckAsync(new HealthCheckRequest()).ResponseAsync));
                rounds[1].Add(await Time(() => referrals.ListReferralsAsync(inbox).ResponseAsync));
                rounds[2].Add(await Time(() => consents.CheckConsentAsync(check).ResponseAsync));
            }
            Console.WriteLine(LatencySamples.Header);
            foreach (var samples in rounds) Console.WriteLine(samples.Row());

            var create = new CreateReferralRequest
            {
                ClientId = "client-bench", ReceiverServiceId = ReceiverService, Reason = "Arbeitssuche", Needs = { Topic.Arbeit },
                SharedCategories = { DataCategory.Needs }, Submit = true,
            };
            for (var i = 0; i < 200; i++) await senderReferrals.CreateReferralAsync(create);
            var createSamples = new LatencySamples("CreateReferral (sent: row, event, audit), 1 caller", 2000);
            var sequential = Stopwatch.StartNew();
            for (var i = 0; i < 2000; i++) createSamples.Add(await Time(() => senderReferrals.CreateReferralAsync(create).ResponseAsync));
            sequential.Stop();
            Console.WriteLine(createSamples.Row());
            const int callers = 8, perCaller = 500;
            var parallel = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                for (var i = 0; i < perCaller; i++) await senderReferrals.CreateReferralAsync(create);
            }));
            parallel.Stop();
            Console.WriteLine($"CreateReferral throughput: {2000 / sequential.Elapsed.TotalSeconds:F0}/s with 1 caller, " +
                              $"{callers * perCaller / parallel.Elapsed.TotalSeconds:F0}/s with {callers} callers");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static WebApplication Build(string dataDirectory, string directoryAddress)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:DataDirectory"] = dataDirectory,
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            ["OneStop:Directory:DirectoryAddress"] = directoryAddress,
            ["OneStop:Referrals:Deadlines:CheckInterval"] = "00:00:00",
        });
        builder.AddServiceDefaults("referrals", 0);
        ReferralsExtensions.AddReferrals(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        ReferralsExtensions.MapReferrals(app);
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>Rows written straight through EF in batches: 1/20 of them to the measured receiver, states spread evenly.</summary>
    private static async Task SeedAsync(IServiceProvider services, int total)
    {
        var states = new[] { 2, 3, 4, 5, 6, 8, 9 };
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var batch = 0; batch < total; batch += 5000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < Math.Min(total, batch + 5000); i++)
            {
                var at = start.AddMinutes(i);
                var receiver = i % Organizations == 0 ? Receiver : $"org-{i % Organizations}";
                db.Referrals.Add(new ReferralRecord
                {
                    Id = $"r{i:D7}", RegionAgs = Region, SenderOrganizationId = Sender, SenderCounsellor = "co-ip", ReceiverServiceId = $"svc-{receiver}",
                    ReceiverOrganizationId = receiver, ClientId = $"client-{i % 30_000}", Urgency = 1, SharedCategories = "1",
                    State = states[i / Organizations % states.Length], DueAt = at.AddDays(14), ExpiresAt = at.AddDays(28), CreatedAt = at, UpdatedAt = at,
                    Version = 1, Reason = "Seed", Needs = "1",
                });
            }
            await db.SaveChangesAsync();
        }
    }

    private static CallInvoker Invoker(GrpcChannel channel, string subject, string organization, string role)
    {
        var token = DevelopmentTokens.Create(subject, organization, Region, [role]);
        return channel.Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {token}");
            return headers;
        });
    }

    private static async Task<long> Time(Func<Task> call)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetTimestamp() - start;
    }

    /// <summary>The one directory lookup CreateReferral needs (the receiving service's organization and region).</summary>
    private sealed class FakeDirectory : DirectoryService.DirectoryServiceBase, IAsyncDisposable
    {
        private WebApplication? _app;

        public string Address { get; private set; } = "";

        public static async Task<FakeDirectory> StartAsync()
        {
            var directory = new FakeDirectory();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc();
            builder.Services.AddSingleton(directory);
            directory._app = builder.Build();
            directory._app.MapGrpcService<FakeDirectory>();
            await directory._app.StartAsync();
            directory.Address = directory._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return directory;
        }

        public override Task<Service> GetService(GetServiceRequest request, ServerCallContext context) => Task.FromResult(new Service
        {
            Id = request.Id, OrganizationId = Receiver, Name = request.Id, Status = ServiceStatus.Active,
            Ownership = new Ownership { OrganizationId = Receiver, RegionAgs = Region },
        });

        public async ValueTask DisposeAsync()
        {
            if (_app is null) return;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
