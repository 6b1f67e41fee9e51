using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>GetStats end to end: FindJointSlots records the client's first offer, the hold or booking closes it, the figures use it.</summary>
public sealed class StatsTests
{
    [Fact]
    public async Task Stats_give_medians_from_request_to_offer_and_to_booking_and_no_show_rates_per_agency()
    {
        var clock = new ManualClock(Now);
        await using var host = await AppointmentsTestHost.StartAsync(clock);
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);

        // 1: asked 10 minutes ago, offered now, held, booked 4 minutes later → 10 min to offer, 14 min to booking.
        var offered = await frontdesk.FindJointSlotsAsync(Search(AaType, Tuesday10, requestedAt: Now.AddMinutes(-10), "client-stats-1"));
        clock.Now = Now.AddMinutes(2);
        var hold = await frontdesk.HoldSlotAsync(new HoldSlotRequest { AppointmentTypeId = AaType, ClientId = "client-stats-1", Slot = offered.Slots.Single() });
        clock.Now = Now.AddMinutes(4);
        var first = await frontdesk.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-stats-1" });
        await host.ClientFor(AaSystem).RespondToAppointmentAsync(new RespondToAppointmentRequest
        {
            AppointmentId = first.Id, ResourceId = AaCounsellor, Response = ParticipantStatus.Accepted,
        });

        // 2: asked at Now-10, offered at Now+10, booked directly at Now+30 → 20 min to offer, 40 min to booking.
        clock.Now = Now.AddMinutes(10);
        var second = await frontdesk.FindJointSlotsAsync(Search(AbhType, Tuesday10.AddHours(1), requestedAt: Now.AddMinutes(-10), "client-stats-2"));
        clock.Now = Now.AddMinutes(30);
        var booked = await frontdesk.BookAppointmentAsync(new BookAppointmentRequest
        {
            AppointmentTypeId = AbhType, ClientId = "client-stats-2", Slot = second.Slots.Single(),
        });

        // 3: a slot typed in by hand, asked at Now+20, booked at Now+40 → 20 min to booking, no offer; stays pending.
        clock.Now = Now.AddMinutes(40);
        var manual = Booking(AaType, Tuesday10.AddHours(4), "client-stats-3", AaCounsellor);
        manual.RequestedAt = Timestamp.FromDateTimeOffset(Now.AddMinutes(20));
        await frontdesk.BookAppointmentAsync(manual);

        // Outcomes: AA's client did not come, ABH's did.
        clock.Now = Tuesday10.AddHours(2);
        await frontdesk.MarkNoShowAsync(new AppointmentIdRequest { AppointmentId = first.Id });
        await frontdesk.CheckInAsync(new AppointmentIdRequest { AppointmentId = booked.Id });

        var stats = await frontdesk.GetStatsAsync(new StatsRequest
        {
            From = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(-2)), To = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(10)),
        });

        Assert.Equal(3, stats.Appointments);
        Assert.Equal(TimeSpan.FromMinutes(15), stats.MedianRequestToFirstOffer.ToTimeSpan()); // of 10 and 20; the hand-typed slot has no offer
        Assert.Equal(TimeSpan.FromMinutes(20), stats.MedianRequestToBooking.ToTimeSpan());    // of 14, 20 and 40
        var aa = stats.NoShowRates.Single(r => r.OrganizationId == Aa);
        Assert.Equal((1, 1, 1.0), (aa.Appointments, aa.NoShows, aa.Rate)); // the pending one has no outcome yet
        var abh = stats.NoShowRates.Single(r => r.OrganizationId == Abh);
        Assert.Equal((1, 0, 0.0), (abh.Appointments, abh.NoShows, abh.Rate));
    }

    [Fact]
    public async Task Stats_count_only_appointments_starting_in_the_range()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);
        await frontdesk.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-stats-9", AaCounsellor));

        var wednesday = await frontdesk.GetStatsAsync(new StatsRequest
        {
            From = Timestamp.FromDateTimeOffset(Tuesday10.AddDays(1)), To = Timestamp.FromDateTimeOffset(Tuesday10.AddDays(2)),
        });

        Assert.Equal(0, wednesday.Appointments);
        Assert.Null(wednesday.MedianRequestToBooking);
        Assert.Empty(wednesday.NoShowRates);
    }

    private static FindJointSlotsRequest Search(string typeId, DateTimeOffset start, DateTimeOffset requestedAt, string clientId) => new()
    {
        AppointmentTypeId = typeId,
        ClientId = clientId,
        RangeStart = Timestamp.FromDateTimeOffset(start),
        RangeEnd = Timestamp.FromDateTimeOffset(start.AddHours(1)),
        RequestedAt = Timestamp.FromDateTimeOffset(requestedAt),
    };
}
