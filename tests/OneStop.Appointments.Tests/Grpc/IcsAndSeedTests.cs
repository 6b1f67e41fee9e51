using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

public sealed class IcsAndSeedTests
{
    [Fact]
    public async Task Ics_after_a_cancellation_says_cancel_with_a_higher_sequence()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var booked = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-ics-1", AaCounsellor));
        var before = (await client.GetIcsAsync(new AppointmentIdRequest { AppointmentId = booked.Id })).Ics;
        Assert.Contains("METHOD:REQUEST", before, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", before, StringComparison.Ordinal);

        await client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = booked.Id, Reason = "Termin entfällt" });
        var after = (await client.GetIcsAsync(new AppointmentIdRequest { AppointmentId = booked.Id })).Ics;
        Assert.Contains("METHOD:CANCEL", after, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", after, StringComparison.Ordinal);
        Assert.Contains("TZID=Europe/Berlin", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_command_runs_twice_and_the_second_run_writes_nothing()
    {
        var dataDirectory = AppointmentsTestHost.NewDataDirectory();
        Assert.Equal(0, await RunSeedAsync(dataDirectory));
        var first = await CountsAsync(dataDirectory);
        Assert.Equal(0, await RunSeedAsync(dataDirectory));
        Assert.Equal(first, await CountsAsync(dataDirectory));
        Assert.True(first.Resources >= 18 && first.Types >= 3, first.ToString());
        await AssertEveryCounsellingAgencyHasAScheduledCounsellorAsync(dataDirectory);

        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, []);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OneStop.Appointments.Data.Seed.DemoSeeder>().SeedAsync(CancellationToken.None));
    }

    /// <summary>
    /// The directory demo's organizations of a counselling agency type (not language schools or the migrant
    /// organisation), copied from Data/Seed/DemoDirectoryIds.cs: this project must not reference the directory.
    /// </summary>
    private static readonly string[] CounsellingAgencies =
    [
        "org-ip-lippe", "org-abh-lippe", "org-aa-detmold", "org-jc-lippe", "org-wc-lippe",
        "org-mbe-caritas-lippe", "org-mbe-awo-lippe", "org-jmd-diakonie-lippe", "org-jmd-drk-lippe",
        "org-iq-owl", "org-ihk-lippe", "org-hwk-owl", "org-ib-detmold",
    ];

    private static async Task AssertEveryCounsellingAgencyHasAScheduledCounsellorAsync(string dataDirectory)
    {
        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, []);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Appointments.Data.AppointmentsDbContext>();
        var counsellors = await db.Resources.Where(r => r.Kind == ResourceKind.Counsellor).ToListAsync();
        var scheduled = (await db.Schedules.Select(s => s.ResourceId).ToListAsync()).ToHashSet();
        foreach (var organization in CounsellingAgencies)
        {
            var theirs = counsellors.Where(c => c.OrganizationId == organization).Select(c => c.ToProto()).ToList();
            Assert.True(theirs.Count > 0, $"no counsellor for {organization}");
            Assert.All(theirs, c =>
            {
                Assert.Contains(c.Id, scheduled);
                Assert.NotEmpty(c.Topics);
                Assert.NotEmpty(c.Languages);
            });
        }
    }

    private static async Task<int> RunSeedAsync(string dataDirectory)
    {
        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, ["seed"]);
        return await app.RunAppointmentsAsync(["seed"]);
    }

    private sealed record Counts(int Resources, int Schedules, int Types, string Versions);

    private static async Task<Counts> CountsAsync(string dataDirectory)
    {
        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, []);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Appointments.Data.AppointmentsDbContext>();
        var versions = string.Join(",", await db.Resources.OrderBy(r => r.Id).Select(r => r.Version).ToListAsync());
        return new Counts(await db.Resources.CountAsync(), await db.Schedules.CountAsync(), await db.AppointmentTypes.CountAsync(), versions);
    }
}
