using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

public sealed class IcsAndSeedTests
{
    /// <summary>The directory's words for the calendar file: agency names, the location's address, the front desk's organization and e-mail.</summary>
    private static async Task<FakeDirectory> StartDirectoryAsync()
    {
        var directory = await FakeDirectory.StartAsync();
        directory.Organizations[Abh] = new OneStop.Directory.V1.Organization { Id = Abh, Name = "Ausländerbehörde Kreis Lippe" };
        directory.Organizations[Aa] = new OneStop.Directory.V1.Organization { Id = Aa, Name = "Agentur für Arbeit Detmold" };
        directory.Organizations["org-ip"] = new OneStop.Directory.V1.Organization { Id = "org-ip", Name = "Integration Point Lippe", Email = "integration-point@kreis-lippe.example" };
        directory.Locations["loc-ip"] = new OneStop.Directory.V1.Location
        {
            Id = "loc-ip", OrganizationId = "org-ip", Name = "Kreishaus",
            Address = new OneStop.Directory.V1.Address { Address1 = "Felix-Fechenbach-Straße 5", PostalCode = "32756", City = "Detmold", Country = "DE" },
        };
        return directory;
    }

    /// <summary>A host reading the directory, with the test catalogue's counsellors delivering directory services, and one booking.</summary>
    private static async Task<(AppointmentsTestHost Host, FakeDirectory Directory, Appointment Booked)> BookedWithDirectoryAsync(string typeId, params string[] resources)
    {
        var directory = await StartDirectoryAsync();
        directory.WithService("svc-abh", Abh, "de").WithService("svc-aa", Aa, "de");
        var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: directory.ServiceSettings());
        var admin = host.ClientFor(Admin);
        var abh = Counsellor(AbhCounsellor, Abh, OneStop.Directory.V1.Topic.Aufenthalt, autoAccept: true);
        abh.ServiceId = "svc-abh";
        var aa = Counsellor(AaCounsellor, Aa, OneStop.Directory.V1.Topic.Arbeit, autoAccept: false);
        aa.ServiceId = "svc-aa";
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = abh });
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = aa });
        await admin.UpsertResourceAsync(new UpsertResourceRequest
        {
            Resource = new Resource { Id = Room, Kind = ResourceKind.Room, DisplayName = "Raum 1", OrganizationId = "org-ip", LocationId = "loc-ip", RoomCapacity = 4 },
        });
        foreach (var id in new[] { AbhCounsellor, AaCounsellor, Room }) await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = WorkingWeek(id) });
        var joint = Type(JointType, Pool(Abh, OneStop.Directory.V1.Topic.Aufenthalt), Pool(Aa, OneStop.Directory.V1.Topic.Arbeit));
        joint.RoomNeeds = new RoomNeeds { MinimumCapacity = 2 };
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = joint });
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = Type(AaType, new ParticipantRequirement { ResourceId = AaCounsellor }) });
        var booked = await host.ClientFor(Frontdesk).BookAppointmentAsync(Booking(typeId, Tuesday10, "client-ics-secret-1", resources));
        return (host, directory, booked);
    }

    [Fact]
    public async Task Ics_names_the_place_with_its_address_the_agencies_and_topic_and_the_issuing_organization()
    {
        var (host, directory, booked) = await BookedWithDirectoryAsync(JointType, AbhCounsellor, AaCounsellor, Room);
        await using var _ = directory;
        await using var __ = host;

        var ics = (await host.ClientFor(Frontdesk).GetIcsAsync(new AppointmentIdRequest { AppointmentId = booked.Id })).Ics;

        var calendar = Ical.Net.Calendar.Load(ics)!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("Kreishaus, Felix-Fechenbach-Straße 5, 32756 Detmold", entry.Location);
        Assert.Equal($"Termin {JointType}: Ausländerbehörde Kreis Lippe + Agentur für Arbeit Detmold", entry.Summary);
        Assert.Contains("Thema: Arbeit", entry.Description, StringComparison.Ordinal);
        Assert.Contains("Beteiligte Stellen: Ausländerbehörde Kreis Lippe, Agentur für Arbeit Detmold", entry.Description, StringComparison.Ordinal);
        Assert.Contains("Raum: Raum 1", entry.Description, StringComparison.Ordinal);
        Assert.Equal("mailto:integration-point@kreis-lippe.example", entry.Organizer!.Value!.ToString());
        Assert.Equal("Integration Point Lippe", entry.Organizer.CommonName);
        Assert.Equal(Tuesday10.UtcDateTime, entry.DtStart!.AsUtc);
        Assert.Equal("TENTATIVE", entry.Status); // the Agentur has not accepted yet
        Assert.DoesNotContain("client-ics-secret-1", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ics_without_an_organizer_address_is_published_not_requested()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var booked = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-ics-2", AaCounsellor));

        var calendar = Ical.Net.Calendar.Load((await client.GetIcsAsync(new AppointmentIdRequest { AppointmentId = booked.Id })).Ics)!;

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Null(Assert.Single(calendar.Events).Organizer);
    }

    [Fact]
    public async Task Ics_after_a_cancellation_says_cancel_with_a_higher_sequence()
    {
        var (host, directory, booked) = await BookedWithDirectoryAsync(AaType, AaCounsellor);
        await using var _ = directory;
        await using var __ = host;
        var client = host.ClientFor(Frontdesk);
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
