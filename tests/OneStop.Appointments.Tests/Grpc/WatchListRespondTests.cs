using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Date = OneStop.Directory.V1.Date;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>WatchAppointments, ListAppointments and RespondToAppointment through the real service (SQLite).</summary>
public sealed class WatchListRespondTests
{
    private static readonly CallerIdentity AbhSystem = new("abh-system", Abh, Region, new HashSet<string> { OneStopRoles.AgencySystem });
    private static readonly CallerIdentity IpAgency = new("ip-system", "org-ip", Region, new HashSet<string> { OneStopRoles.AgencySystem });

    [Fact]
    public async Task Watch_from_zero_replays_the_history_then_streams_a_new_booking()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var first = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-watch-1", AaCounsellor));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = host.ClientFor(AaSystem).WatchAppointments(new WatchAppointmentsRequest { FromVersion = 0 }, cancellationToken: timeout.Token);
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var replayed = watch.ResponseStream.Current;
        Assert.Equal(first, replayed.Appointment);
        Assert.True(replayed.Version > 0);

        var second = await client.BookAppointmentAsync(Booking(AbhType, Tuesday10.AddHours(2), "client-watch-2", AbhCounsellor));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var streamed = watch.ResponseStream.Current;
        Assert.Equal(second, streamed.Appointment);
        Assert.True(streamed.Version > replayed.Version, $"{streamed.Version} after {replayed.Version}");
    }

    [Fact]
    public async Task List_filters_by_organization_resource_client_location_and_day()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var aa = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-list-1", AaCounsellor));
        var abh = await client.BookAppointmentAsync(Booking(AbhType, Tuesday10, "client-list-2", AbhCounsellor));
        var joint = await client.BookAppointmentAsync(Booking(JointType, Tuesday10.AddHours(2), "client-list-3", AbhCounsellor, AaCounsellor, Room));
        var outreachRequest = Booking(AaType, Tuesday10.AddHours(4), "client-list-1", AaCounsellor);
        outreachRequest.Slot.LocationId = "loc-outreach";
        var outreach = await client.BookAppointmentAsync(outreachRequest);

        async Task<string[]> Ids(ListAppointmentsRequest request) =>
            (await client.ListAppointmentsAsync(request)).Appointments.Select(a => a.Id).ToArray();

        Assert.Equal(Order(aa, abh, joint, outreach), await Ids(new ListAppointmentsRequest()));
        Assert.Equal(Order(aa, joint, outreach), await Ids(new ListAppointmentsRequest { OrganizationId = Aa }));
        Assert.Equal(Order(abh, joint), await Ids(new ListAppointmentsRequest { OrganizationId = Abh }));
        Assert.Equal(Order(joint), await Ids(new ListAppointmentsRequest { ResourceId = Room }));
        Assert.Equal(Order(abh, joint), await Ids(new ListAppointmentsRequest { ResourceId = AbhCounsellor }));
        Assert.Equal(Order(aa, outreach), await Ids(new ListAppointmentsRequest { ClientId = "client-list-1" }));
        Assert.Equal(Order(outreach), await Ids(new ListAppointmentsRequest { LocationId = "loc-outreach" }));
        Assert.Equal(Order(aa, abh, joint), await Ids(new ListAppointmentsRequest { LocationId = "loc-ip" }));
        Assert.Equal(Order(outreach), await Ids(new ListAppointmentsRequest { OrganizationId = Aa, ClientId = "client-list-1", LocationId = "loc-outreach" }));
        Assert.Equal(Order(aa, abh, joint, outreach), await Ids(new ListAppointmentsRequest { Day = new Date { Year = 2026, Month = 6, Day = 2 } }));
        Assert.Empty(await Ids(new ListAppointmentsRequest { Day = new Date { Year = 2026, Month = 6, Day = 3 } }));
        Assert.Empty(await Ids(new ListAppointmentsRequest { OrganizationId = "org-nobody" }));
    }

    [Fact]
    public async Task A_local_day_is_berlin_midnight_to_midnight_across_the_october_dst_change()
    {
        // Sunday 2026-10-25 has 25 hours: 2026-10-24T22:00Z (00:00 CEST) to 2026-10-25T23:00Z (24:00 CET).
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(new DateTimeOffset(2026, 10, 20, 6, 0, 0, TimeSpan.Zero)));
        await LoadAsync(host.ClientFor(Admin));
        await LoadAroundTheClockAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var starts = new[]
        {
            Utc(10, 24, 21, 30), // Saturday 23:30 CEST
            Utc(10, 24, 22, 0),  // Sunday 00:00 CEST, the first minute of the day
            Utc(10, 25, 0, 30),  // Sunday 02:30 CEST, the first pass of the repeated hour
            Utc(10, 25, 1, 30),  // Sunday 02:30 CET, the second pass
            Utc(10, 25, 22, 30), // Sunday 23:30 CET (UTC already says the same date)
            Utc(10, 25, 23, 0),  // Monday 00:00 CET (UTC still says Sunday)
        };
        var booked = new List<Appointment>();
        for (var i = 0; i < starts.Length; i++)
        {
            var request = Booking(NightType, starts[i], $"client-dst-{i}", NightCounsellor);
            request.Slot.End = Timestamp.FromDateTimeOffset(starts[i].AddMinutes(30));
            booked.Add(await client.BookAppointmentAsync(request));
        }

        async Task<string[]> Day(int month, int day) => (await client.ListAppointmentsAsync(new ListAppointmentsRequest
        {
            ResourceId = NightCounsellor, Day = new Date { Year = 2026, Month = month, Day = day },
        })).Appointments.Select(a => a.Id).ToArray();

        Assert.Equal([booked[0].Id], await Day(10, 24));
        Assert.Equal(booked.Skip(1).Take(4).Select(a => a.Id), await Day(10, 25));
        Assert.Equal([booked[5].Id], await Day(10, 26));
    }

    [Fact]
    public async Task Paging_returns_every_appointment_once_in_order()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var expected = new List<Appointment>();
        // Two counsellors at the same hours: equal starts, so the order's tie-break by id is exercised too.
        for (var hour = 0; hour < 4; hour++)
        {
            expected.Add(await client.BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(hour), $"client-page-aa-{hour}", AaCounsellor)));
            expected.Add(await client.BookAppointmentAsync(Booking(AbhType, Tuesday10.AddHours(hour), $"client-page-abh-{hour}", AbhCounsellor)));
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await client.ListAppointmentsAsync(new ListAppointmentsRequest { PageSize = 3, PageToken = token });
            Assert.InRange(page.Appointments.Count, 1, 3);
            seen.AddRange(page.Appointments.Select(a => a.Id));
            token = page.NextPageToken;
            Assert.True(++pages <= 3, "more pages than 8 appointments need");
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(Order([.. expected]), seen);
    }

    [Fact]
    public async Task The_resources_own_organization_answers_and_the_appointment_is_booked_when_every_required_participant_accepted()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var joint = await host.ClientFor(Frontdesk).BookAppointmentAsync(Booking(JointType, Tuesday10, "client-answer-1", AbhCounsellor, AaCounsellor, Room));
        Assert.Equal(AppointmentStatus.Pending, joint.Status);
        Assert.Equal(ParticipantStatus.Accepted, Participant(joint, AbhCounsellor).Status); // ABH auto-accepts

        var aaAccepted = await host.ClientFor(AaSystem).RespondToAppointmentAsync(Respond(joint.Id, AaCounsellor, ParticipantStatus.Accepted));
        Assert.Equal(ParticipantStatus.Accepted, Participant(aaAccepted, AaCounsellor).Status);
        Assert.Equal(ParticipantStatus.NeedsAction, Participant(aaAccepted, Room).Status);
        Assert.Equal(AppointmentStatus.Pending, aaAccepted.Status);
        Assert.Equal(joint.Sequence + 1, aaAccepted.Sequence);

        var allAccepted = await host.ClientFor(IpAgency).RespondToAppointmentAsync(Respond(joint.Id, Room, ParticipantStatus.Accepted));
        Assert.All(allAccepted.Participants, p => Assert.Equal(ParticipantStatus.Accepted, p.Status));
        Assert.Equal(AppointmentStatus.Booked, allAccepted.Status);
        Assert.Equal(allAccepted, await host.ClientFor(Frontdesk).GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = joint.Id }));
    }

    [Fact]
    public async Task Another_organization_is_denied_and_an_anonymous_caller_is_unauthenticated()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var booked = await host.ClientFor(Frontdesk).BookAppointmentAsync(Booking(AaType, Tuesday10, "client-answer-2", AaCounsellor));
        var rowsBefore = await host.RowCountsAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => host.ClientFor(AbhSystem).RespondToAppointmentAsync(Respond(booked.Id, AaCounsellor, ParticipantStatus.Accepted)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            () => host.ClientFor(null).RespondToAppointmentAsync(Respond(booked.Id, AaCounsellor, ParticipantStatus.Accepted)).ResponseAsync);

        Assert.Equal(booked, await host.ClientFor(Frontdesk).GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = booked.Id }));
        Assert.Equal(rowsBefore, await host.RowCountsAsync());
    }

    private const string NightCounsellor = "res-night-1";
    private const string NightType = "type-night";

    /// <summary>A counsellor available every day 00:00–24:00 and a 30-minute type for it: bookable at any local time.</summary>
    private static async Task LoadAroundTheClockAsync(AppointmentsService.AppointmentsServiceClient admin)
    {
        await admin.UpsertResourceAsync(new UpsertResourceRequest
        {
            Resource = new Resource
            {
                Id = NightCounsellor, Kind = ResourceKind.Counsellor, DisplayName = "Nachtberatung", OrganizationId = Aa, LocationId = "loc-ip",
                Topics = { Topic.Arbeit }, Languages = { "de" }, AutoAccept = true,
            },
        });
        var schedule = new ResourceSchedule { ResourceId = NightCounsellor };
        foreach (var day in System.Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Unspecified))
            schedule.Weekly.Add(new WeeklyWindow { Day = day, Start = "00:00", End = "24:00" });
        await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = schedule });
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest
        {
            AppointmentType = new AppointmentType
            {
                Id = NightType, Name = "Kurztermin", Topic = Topic.Arbeit, Duration = Duration.FromTimeSpan(TimeSpan.FromMinutes(30)),
                Participants = { new ParticipantRequirement { ResourceId = NightCounsellor } }, BookingHorizon = Duration.FromTimeSpan(TimeSpan.FromDays(60)),
            },
        });
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string[] Order(params Appointment[] appointments) =>
        appointments.OrderBy(a => a.Start.ToDateTimeOffset()).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToArray();

    private static Participant Participant(Appointment appointment, string resourceId) => appointment.Participants.Single(p => p.ResourceId == resourceId);

    private static RespondToAppointmentRequest Respond(string appointmentId, string resourceId, ParticipantStatus response) =>
        new() { AppointmentId = appointmentId, ResourceId = resourceId, Response = response };
}
