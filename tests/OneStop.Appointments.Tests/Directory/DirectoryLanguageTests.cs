using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Directory;

/// <summary>
/// Languages come from the directory (through OneStop.Directory.Client, here against a stand-in Directory service):
/// a resource's languages are its directory service's languages, and an interpreter language must be offered by an
/// interpreting service of the region, in FindJointSlots and again in HoldSlot.
/// </summary>
public sealed class DirectoryLanguageTests
{
    private const string AaService = "svc-aa";
    private const string Interpreting = "svc-sprachmittlung";
    private const string ArabicInterpreter = "res-int-ar";
    private const string UkrainianInterpreter = "res-int-uk";
    private const string UkrainianType = "type-aa-uk";

    [Fact]
    public async Task Resource_languages_must_be_languages_of_its_directory_service_of_its_organization()
    {
        await using var directory = await StartDirectoryAsync();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: directory.ServiceSettings());
        var admin = host.ClientFor(Admin);

        var written = await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = AaCounsellorSpeaking("de", "en") });
        Assert.Equal(AaService, written.ServiceId);

        var french = AaCounsellorSpeaking("de", "fr");
        french.Id = "res-aa-fr";
        await RpcAssert.InvalidAsync("resource.languages[1]", () => admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = french }).ResponseAsync);
        var withoutService = AaCounsellorSpeaking("de");
        withoutService.Id = "res-aa-noservice";
        withoutService.ServiceId = "";
        await RpcAssert.InvalidAsync("resource.service_id", () => admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = withoutService }).ResponseAsync);
        var othersService = AaCounsellorSpeaking("de");
        othersService.Id = "res-aa-other";
        othersService.ServiceId = Interpreting; // the Integration Point's, not the Agentur's
        await RpcAssert.InvalidAsync("resource.service_id", () => admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = othersService }).ResponseAsync);
        var unknownService = AaCounsellorSpeaking("de");
        unknownService.Id = "res-aa-unknown";
        unknownService.ServiceId = "svc-nowhere";
        await RpcAssert.InvalidAsync("resource.service_id", () => admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = unknownService }).ResponseAsync);

        Assert.Equal([AaCounsellor], await host.QueryAsync(db => db.Resources.Select(r => r.Id).ToListAsync()));
    }

    [Fact]
    public async Task FindJointSlots_refuses_an_interpreter_language_no_interpreting_service_of_the_region_offers()
    {
        await using var directory = await StartDirectoryAsync();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: directory.ServiceSettings());
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);

        await RpcAssert.InvalidAsync("interpreter_language", () => frontdesk.FindJointSlotsAsync(AdHoc("fa")).ResponseAsync);

        var arabic = await frontdesk.FindJointSlotsAsync(AdHoc("ar"));
        Assert.NotEmpty(arabic.Slots);
        Assert.All(arabic.Slots, s => Assert.Equal(ArabicInterpreter, Assert.Single(s.Resources, r => r.Kind == ResourceKind.Interpreter).ResourceId));
    }

    [Fact]
    public async Task A_language_the_directory_stops_offering_is_refused_by_FindJointSlots_and_HoldSlot_and_nothing_is_held()
    {
        await using var directory = await StartDirectoryAsync();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: directory.ServiceSettings());
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);
        var slot = (await frontdesk.FindJointSlotsAsync(ByType(UkrainianType))).Slots.First();
        var interpreterIndex = slot.Resources.ToList().FindIndex(r => r.ResourceId == UkrainianInterpreter);
        Assert.True(interpreterIndex >= 0);

        // The Integration Point drops Ukrainian from its interpreting service in the directory.
        directory.WithService(Interpreting, "org-ip", "de", "ar");

        await RpcAssert.InvalidAsync("appointment_type.interpreter_language", () => frontdesk.FindJointSlotsAsync(ByType(UkrainianType)).ResponseAsync);
        await RpcAssert.InvalidAsync($"slot.resources[{interpreterIndex}].resource_id", () => frontdesk.HoldSlotAsync(new HoldSlotRequest
        {
            AppointmentTypeId = UkrainianType, ClientId = "client-lang-1", Slot = slot,
        }).ResponseAsync);
        await RpcAssert.InvalidAsync($"slot.resources[{interpreterIndex}].resource_id", () => frontdesk.BookAppointmentAsync(new BookAppointmentRequest
        {
            AppointmentTypeId = UkrainianType, ClientId = "client-lang-1", Slot = slot,
        }).ResponseAsync);
        Assert.Equal(0, await host.QueryAsync(db => db.Allocations.CountAsync()));
        Assert.Equal(0, await host.QueryAsync(db => db.Holds.CountAsync()));
    }

    [Fact]
    public async Task An_appointment_type_needing_a_language_no_interpreting_service_offers_is_refused_and_not_written()
    {
        await using var directory = await StartDirectoryAsync();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: directory.ServiceSettings());
        var admin = host.ClientFor(Admin);
        await LoadAsync(admin);
        var farsi = Type("type-aa-fa", Pool(Aa, Topic.Arbeit));
        farsi.InterpreterLanguage = "fa";

        await RpcAssert.InvalidAsync("appointment_type.interpreter_language",
            () => admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = farsi }).ResponseAsync);

        Assert.Equal([UkrainianType], await host.QueryAsync(db => db.AppointmentTypes.Select(t => t.Id).ToListAsync()));
    }

    [Fact]
    public async Task An_offered_language_is_held_and_booked_with_directory_checks_on()
    {
        await using var directory = await StartDirectoryAsync();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: directory.ServiceSettings());
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);
        var slot = (await frontdesk.FindJointSlotsAsync(ByType(UkrainianType))).Slots.First();

        var hold = await frontdesk.HoldSlotAsync(new HoldSlotRequest { AppointmentTypeId = UkrainianType, ClientId = "client-lang-2", Slot = slot });
        var booked = await frontdesk.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-lang-2" });

        Assert.Contains(booked.Participants, p => p.ResourceId == UkrainianInterpreter);
    }

    private static async Task<FakeDirectory> StartDirectoryAsync()
    {
        var directory = await FakeDirectory.StartAsync();
        directory.WithOrganization(Aa).WithOrganization("org-ip").WithLocation("loc-ip", "org-ip")
            .WithService(AaService, Aa, "de", "en")
            .WithService(Interpreting, "org-ip", "de", "ar", "uk");
        return directory;
    }

    /// <summary>An Agentur counsellor, two interpreters of the Integration Point's interpreting service, and a type needing Ukrainian.</summary>
    private static async Task LoadAsync(AppointmentsService.AppointmentsServiceClient admin)
    {
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = AaCounsellorSpeaking("de") });
        foreach (var (id, language) in new[] { (ArabicInterpreter, "ar"), (UkrainianInterpreter, "uk") })
        {
            await admin.UpsertResourceAsync(new UpsertResourceRequest
            {
                Resource = new Resource
                {
                    Id = id, Kind = ResourceKind.Interpreter, DisplayName = $"Dolmetschen {language}", OrganizationId = "org-ip", ServiceId = Interpreting,
                    LocationId = "loc-ip", Languages = { language },
                },
            });
        }
        foreach (var id in new[] { AaCounsellor, ArabicInterpreter, UkrainianInterpreter })
            await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = WorkingWeek(id) });
        var type = Type(UkrainianType, Pool(Aa, Topic.Arbeit));
        type.InterpreterLanguage = "uk";
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = type });
    }

    private static Resource AaCounsellorSpeaking(params string[] languages)
    {
        var counsellor = Counsellor(AaCounsellor, Aa, Topic.Arbeit, autoAccept: true);
        counsellor.ServiceId = AaService;
        counsellor.Languages.Clear();
        counsellor.Languages.Add(languages);
        return counsellor;
    }

    private static FindJointSlotsRequest AdHoc(string language) => new()
    {
        Pools = { new AgencyPool { OrganizationId = Aa, Topic = Topic.Arbeit } },
        InterpreterLanguage = language,
        Duration = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
        RangeStart = Timestamp.FromDateTimeOffset(Tuesday10),
        RangeEnd = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(4)),
        MaxResults = 3,
    };

    private static FindJointSlotsRequest ByType(string typeId) => new()
    {
        AppointmentTypeId = typeId,
        RangeStart = Timestamp.FromDateTimeOffset(Tuesday10),
        RangeEnd = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(4)),
        MaxResults = 3,
    };
}
