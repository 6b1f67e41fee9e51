using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Date = OneStop.Directory.V1.Date;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// Through the real service: a date override that starts and ends at local midnight on the spring-forward Sunday
/// (slot generation, booking and ICS), and the limit of open bookings per client.
/// </summary>
public sealed class LocalMidnightAndLimitTests
{
    private const string SundayCounsellor = "res-sunday-1";
    private const string SundayType = "type-sunday";

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>A counsellor without weekly hours whose only working day is an override: all of Sunday 2026-03-29, 00:00–24:00 local.</summary>
    private static async Task LoadSundayAsync(AppointmentsService.AppointmentsServiceClient admin)
    {
        await admin.UpsertResourceAsync(new UpsertResourceRequest
        {
            Resource = new Resource
            {
                Id = SundayCounsellor, Kind = ResourceKind.Counsellor, DisplayName = "Sonntagsdienst", OrganizationId = Aa, LocationId = "loc-ip",
                Languages = { "de" }, AutoAccept = true,
            },
        });
        var schedule = new ResourceSchedule { ResourceId = SundayCounsellor };
        schedule.Overrides.Add(new DateOverride { Date = new Date { Year = 2026, Month = 3, Day = 29 }, Windows = { new TimeWindow { Start = "00:00", End = "24:00" } } });
        await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = schedule });
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest
        {
            AppointmentType = new AppointmentType
            {
                Id = SundayType, Name = "Sonntagstermin", Duration = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
                Participants = { new ParticipantRequirement { ResourceId = SundayCounsellor } },
                BookingHorizon = Duration.FromTimeSpan(TimeSpan.FromDays(60)),
            },
        });
    }

    [Fact]
    public async Task An_override_from_local_midnight_to_midnight_on_the_spring_forward_sunday_gives_23_hours_of_slots()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Utc(3, 20, 6)));
        await LoadSundayAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);

        var found = await client.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = SundayType,
            RangeStart = Timestamp.FromDateTimeOffset(Utc(3, 28, 12)),
            RangeEnd = Timestamp.FromDateTimeOffset(Utc(3, 30, 12)),
            MaxResults = 100,
        });
        // 2026-03-29 00:00 CET = 03-28 23:00Z; 24:00 CEST = 03-29 22:00Z: a 23-hour day, so 1-hour slots start
        // every quarter hour from 23:00Z to 21:00Z.
        var starts = found.Slots.Select(s => s.Start.ToDateTimeOffset()).ToList();
        Assert.Equal(Utc(3, 28, 23), starts[0]);
        Assert.Equal(Utc(3, 29, 21), starts[^1]);
        Assert.Equal(22 * 4 + 1, starts.Count);

        // The first hour of the local day and the last one can be booked; the hour before and after cannot.
        var first = await client.BookAppointmentAsync(new BookAppointmentRequest { AppointmentTypeId = SundayType, ClientId = "client-sunday-1", Slot = Slot(Utc(3, 28, 23), SundayCounsellor) });
        var last = await client.BookAppointmentAsync(new BookAppointmentRequest { AppointmentTypeId = SundayType, ClientId = "client-sunday-2", Slot = Slot(Utc(3, 29, 21), SundayCounsellor) });
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => client.BookAppointmentAsync(new BookAppointmentRequest
        {
            AppointmentTypeId = SundayType, ClientId = "client-sunday-3", Slot = Slot(Utc(3, 28, 22), SundayCounsellor),
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => client.BookAppointmentAsync(new BookAppointmentRequest
        {
            AppointmentTypeId = SundayType, ClientId = "client-sunday-4", Slot = Slot(Utc(3, 29, 22), SundayCounsellor),
        }).ResponseAsync);

        // ICS: local wall-clock times with TZID, the last one ending at the next local midnight.
        var firstIcs = (await client.GetIcsAsync(new AppointmentIdRequest { AppointmentId = first.Id })).Ics;
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260329T000000", firstIcs, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20260329T010000", firstIcs, StringComparison.Ordinal);
        var lastIcs = (await client.GetIcsAsync(new AppointmentIdRequest { AppointmentId = last.Id })).Ics;
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260329T230000", lastIcs, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20260330T000000", lastIcs, StringComparison.Ordinal);
        Assert.Contains($"UID:{first.Id}@onestop", firstIcs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_may_have_at_most_five_open_bookings_and_a_cancellation_makes_room()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var booked = new List<Appointment>();
        for (var hour = 0; hour < 5; hour++)
            booked.Add(await client.BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(hour - 2), "client-limit-1", AaCounsellor)));

        var before = await host.RowCountsAsync();
        var refused = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => client.BookAppointmentAsync(Booking(AbhType, Tuesday10, "client-limit-1", AbhCounsellor)).ResponseAsync);
        Assert.Contains("client_id", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await host.RowCountsAsync());
        // Another client is not affected.
        await client.BookAppointmentAsync(Booking(AbhType, Tuesday10, "client-limit-2", AbhCounsellor));

        await client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = booked[0].Id, Reason = "Klient verhindert" });
        await client.BookAppointmentAsync(Booking(AbhType, Tuesday10.AddHours(1), "client-limit-1", AbhCounsellor));
    }
}
