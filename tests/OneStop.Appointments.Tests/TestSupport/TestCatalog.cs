using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.TestSupport;

/// <summary>
/// A small calendar: one counsellor each of ABH and AA, a room, all working Monday–Friday 08:00–18:00 Berlin time;
/// a joint type (ABH + AA + a room), a type per counsellor, and a type whose pool has nobody.
/// Monday 2026-06-01, 06:00 UTC is the test's "now"; slots are on Tuesday 2026-06-02.
/// </summary>
public static class TestCatalog
{
    public const string Region = "05766";
    public const string Abh = "org-abh";
    public const string Aa = "org-aa";
    public const string AbhCounsellor = "res-abh-1";
    public const string AaCounsellor = "res-aa-1";
    public const string Room = "res-room-1";
    public const string JointType = "type-joint";
    public const string AaType = "type-aa";
    public const string AbhType = "type-abh";
    public const string EmptyPoolType = "type-empty";
    /// <summary>Marked public_booking (see <see cref="LoadPublicTypeAsync"/>).</summary>
    public const string PublicType = "type-public";

    public static readonly DateTimeOffset Now = new(2026, 6, 1, 6, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Tuesday10 = new(2026, 6, 2, 8, 0, 0, TimeSpan.Zero); // 10:00 Berlin (summer time)

    public static readonly CallerIdentity Admin = new("admin", "kreis", Region, new HashSet<string> { OneStopRoles.RegionAdmin });
    public static readonly CallerIdentity Frontdesk = new("frontdesk-1", "org-ip", Region, new HashSet<string> { OneStopRoles.Frontdesk });
    public static readonly CallerIdentity OtherFrontdesk = new("frontdesk-2", "org-ip", Region, new HashSet<string> { OneStopRoles.Frontdesk });
    public static readonly CallerIdentity AaSystem = new("aa-system", Aa, Region, new HashSet<string> { OneStopRoles.AgencySystem });

    /// <summary>The gateway's public pages: no role, only the public-booking scope.</summary>
    public static readonly CallerIdentity PublicPages = new("gateway-public-web", "", Region, new HashSet<string>())
    {
        Scopes = new HashSet<string> { OneStopScopes.PublicBooking },
    };

    /// <summary>The catalogue of <see cref="LoadAsync"/> plus <see cref="PublicType"/> (the ABH counsellor, open to the public).</summary>
    public static async Task LoadPublicTypeAsync(AppointmentsService.AppointmentsServiceClient admin)
    {
        await LoadAsync(admin);
        var open = Type(PublicType, new ParticipantRequirement { ResourceId = AbhCounsellor });
        open.PublicBooking = true;
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = open });
    }

    public static async Task LoadAsync(AppointmentsService.AppointmentsServiceClient admin)
    {
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = Counsellor(AbhCounsellor, Abh, Topic.Aufenthalt, autoAccept: true) });
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = Counsellor(AaCounsellor, Aa, Topic.Arbeit, autoAccept: false) });
        await admin.UpsertResourceAsync(new UpsertResourceRequest
        {
            Resource = new Resource { Id = Room, Kind = ResourceKind.Room, DisplayName = "Raum 1", OrganizationId = "org-ip", LocationId = "loc-ip", RoomCapacity = 4 },
        });
        foreach (var id in new[] { AbhCounsellor, AaCounsellor, Room }) await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = WorkingWeek(id) });
        var joint = Type(JointType, Pool(Abh, Topic.Aufenthalt), Pool(Aa, Topic.Arbeit));
        joint.RoomNeeds = new RoomNeeds { MinimumCapacity = 2 };
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = joint });
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = Type(AaType, new ParticipantRequirement { ResourceId = AaCounsellor }) });
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = Type(AbhType, new ParticipantRequirement { ResourceId = AbhCounsellor }) });
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = Type(EmptyPoolType, Pool("org-nobody", Topic.Wohnen)) });
    }

    public static JointSlot Slot(DateTimeOffset start, params string[] resourceIds)
    {
        var slot = new JointSlot { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(start.AddHours(1)) };
        slot.Resources.AddRange(resourceIds.Select(id => new SlotResource { ResourceId = id }));
        return slot;
    }

    public static BookAppointmentRequest Booking(string typeId, DateTimeOffset start, string clientId, params string[] resourceIds) => new()
    {
        AppointmentTypeId = typeId,
        ClientId = clientId,
        Slot = Slot(start, resourceIds),
    };

    public static Resource Counsellor(string id, string organization, Topic topic, bool autoAccept) => new()
    {
        Id = id, Kind = ResourceKind.Counsellor, DisplayName = $"Beratung {id}", OrganizationId = organization, LocationId = "loc-ip",
        Topics = { topic }, Languages = { "de" }, AutoAccept = autoAccept,
    };

    public static ResourceSchedule WorkingWeek(string resourceId)
    {
        var schedule = new ResourceSchedule { ResourceId = resourceId };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            schedule.Weekly.Add(new WeeklyWindow { Day = day, Start = "08:00", End = "18:00" });
        return schedule;
    }

    public static ParticipantRequirement Pool(string organization, Topic topic) => new() { Pool = new AgencyPool { OrganizationId = organization, Topic = topic } };

    public static AppointmentType Type(string id, params ParticipantRequirement[] participants) => new()
    {
        Id = id, Name = $"Termin {id}", Topic = Topic.Arbeit, Duration = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
        Participants = { participants }, BookingHorizon = Duration.FromTimeSpan(TimeSpan.FromDays(60)),
    };
}
