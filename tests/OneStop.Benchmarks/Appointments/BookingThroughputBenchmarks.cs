using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Appointments;
using OneStop.Appointments.Data;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;

namespace OneStop.Benchmarks.Appointments;

/// <summary>
/// Booking throughput on SQLite through the command layer (BookingCommands, one transaction each, no gRPC), with
/// every conflict detected: each operation books one free slot AND tries the same slot again for another client,
/// which the allocation table's unique key must refuse (the benchmark throws if it does not). 20 counsellors, a
/// 15-minute type each, 25 slots per counsellor per iteration, i.e. 500 bookings + 500 refused attempts per
/// iteration, on a WAL-mode file with synchronous=NORMAL as the service runs it. Target: at least 500 bookings/s,
/// i.e. at most 2 ms per operation (Mean below is per booking, its refused duplicate included).
/// Run: dotnet run -c Release --project tests/OneStop.Benchmarks -- --filter '*BookingThroughput*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MonitoringConfig))]
public class BookingThroughputBenchmarks
{
    /// <summary>Four warm-up and five measured iterations of one invocation each (every iteration needs its calendars emptied first); in process like QuickJobConfig.</summary>
    private sealed class MonitoringConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public MonitoringConfig() => AddJob(BenchmarkDotNet.Jobs.Job.Default.WithId("Monitoring").WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1)
            .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
    }

    private const int Counsellors = 20;
    private const int SlotsPerCounsellor = 25;
    private const string Region = "05766";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 5, 0, 0, TimeSpan.Zero); // Monday 07:00 Berlin
    private static readonly DateTimeOffset FirstSlot = new(2026, 6, 2, 6, 0, 0, TimeSpan.Zero); // Tuesday 08:00 Berlin
    private static readonly CallerIdentity Caller = new("bench", "org-ip", Region, new HashSet<string> { OneStopRoles.RegionAdmin });

    private WebApplication _app = null!;
    private string _directory = "";
    private readonly List<(BookAppointmentRequest First, BookAppointmentRequest Duplicate, UtcInterval Interval)> _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "onestop-booking-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = _directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:DataDirectory"] = _directory,
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            ["OneStop:Appointments:ValidateDirectoryIds"] = "false",
            ["OneStop:Appointments:MaxOpenBookingsPerClient"] = "100000",
        });
        builder.AddServiceDefaults("appointments", 0);
        builder.AddAppointments();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        _app = builder.Build();
        RunScoped(async sp =>
        {
            await sp.GetRequiredService<AppointmentsDbContext>().Database.MigrateAsync();
            var catalog = sp.GetRequiredService<CatalogCommands>();
            for (var c = 0; c < Counsellors; c++)
            {
                await catalog.UpsertResourceAsync(new Resource
                {
                    Id = $"res-{c}", Kind = ResourceKind.Counsellor, DisplayName = $"Beratung {c}", OrganizationId = "org-ip", LocationId = "loc-ip", AutoAccept = true,
                }, Caller, CancellationToken.None);
                var schedule = new ResourceSchedule { ResourceId = $"res-{c}" };
                foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
                    schedule.Weekly.Add(new WeeklyWindow { Day = day, Start = "08:00", End = "18:00" });
                await catalog.UpsertScheduleAsync(schedule, Caller, CancellationToken.None);
                await catalog.UpsertAppointmentTypeAsync(new AppointmentType
                {
                    Id = $"type-{c}", Name = $"Beratung {c}", Duration = Duration.FromTimeSpan(TimeSpan.FromMinutes(15)),
                    Participants = { new ParticipantRequirement { ResourceId = $"res-{c}" } },
                }, Caller, CancellationToken.None);
            }
        });
        for (var k = 0; k < SlotsPerCounsellor; k++)
        {
            for (var c = 0; c < Counsellors; c++)
            {
                var start = FirstSlot.AddMinutes(15 * k);
                var slot = new JointSlot { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(start.AddMinutes(15)) };
                slot.Resources.Add(new SlotResource { ResourceId = $"res-{c}" });
                BookAppointmentRequest Request(string client) => new() { AppointmentTypeId = $"type-{c}", ClientId = client, Slot = slot.Clone() };
                _requests.Add((Request($"client-{c:D3}-{k:D3}-a"), Request($"client-{c:D3}-{k:D3}-b"), new UtcInterval(start, start.AddMinutes(15))));
            }
        }
    }

    /// <summary>Empties the calendars, so every iteration books the same 500 free slots.</summary>
    [IterationSetup]
    public void Clear() => RunScoped(async sp =>
    {
        var db = sp.GetRequiredService<AppointmentsDbContext>();
        await db.Allocations.ExecuteDeleteAsync();
        await db.Participants.ExecuteDeleteAsync();
        await db.Appointments.ExecuteDeleteAsync();
        await db.Changes.ExecuteDeleteAsync();
    });

    [Benchmark(OperationsPerInvoke = Counsellors * SlotsPerCounsellor)]
    public async Task BookThenRefuseDuplicate()
    {
        foreach (var (first, duplicate, interval) in _requests)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BookingCommands>().BookAsync(first, interval, null, Caller, CancellationToken.None);
            await using var second = _app.Services.CreateAsyncScope();
            try
            {
                await second.ServiceProvider.GetRequiredService<BookingCommands>().BookAsync(duplicate, interval, null, Caller, CancellationToken.None);
                throw new InvalidOperationException("A double booking was accepted.");
            }
            catch (WriteConflictException)
            {
                // Expected: the unique key refused the duplicate.
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private void RunScoped(Func<IServiceProvider, Task> work)
    {
        using var scope = _app.Services.CreateScope();
        work(scope.ServiceProvider).GetAwaiter().GetResult();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
