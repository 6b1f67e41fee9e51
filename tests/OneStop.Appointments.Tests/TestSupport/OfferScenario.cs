using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.TestSupport;

/// <summary>
/// Two searches, then a booking: the statistics must count the FIRST offer of the client's request, although the
/// slot booked came from the second search and carries its later stamps. Shared by the SQLite and PostgreSQL runs.
/// </summary>
public static class OfferScenario
{
    public const string Client = "client-offer-1";

    public static async Task TwoSearchesThenABookingCountTheFirstOfferAsync(AppointmentsTestHost host, ManualClock clock)
    {
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);

        // Asked 10 minutes before the first offer.
        var first = await frontdesk.FindJointSlotsAsync(Search(AaType, Client, requestedAt: Now.AddMinutes(-10)));
        Assert.NotEmpty(first.Slots);
        clock.Now = Now.AddMinutes(20);
        var second = await frontdesk.FindJointSlotsAsync(Search(AaType, Client, requestedAt: Now.AddMinutes(15)));
        Assert.Equal(Now.AddMinutes(20), second.Slots[0].OfferedAt.ToDateTimeOffset()); // the later stamp travels with the slot
        clock.Now = Now.AddMinutes(25);
        var booked = await frontdesk.BookAppointmentAsync(new BookAppointmentRequest { AppointmentTypeId = AaType, ClientId = Client, Slot = second.Slots[0] });

        Assert.Equal(Now.AddMinutes(-10), booked.RequestedAt.ToDateTimeOffset());
        Assert.Equal(Now, booked.FirstOfferAt.ToDateTimeOffset());
        var offer = Assert.Single(await host.QueryAsync(db => db.Offers.AsNoTracking().ToListAsync()));
        Assert.Equal((booked.Id, Now.AddMinutes(25).UtcDateTime), (offer.AppointmentId, offer.BookedAt));
        Assert.Equal((Now.AddMinutes(-10).UtcDateTime, Now.UtcDateTime), (offer.RequestedAt, offer.FirstOfferedAt));
        Assert.Equal(Client, offer.ClientId);
        Assert.Equal(64, offer.NeedKey.Length); // a hash of the need, not the need

        var stats = await frontdesk.GetStatsAsync(new StatsRequest
        {
            From = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(-2)), To = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(10)),
        });
        Assert.Equal(1, stats.Appointments);
        Assert.Equal(TimeSpan.FromMinutes(10), stats.MedianRequestToFirstOffer.ToTimeSpan()); // not 30 (the second search)
        Assert.Equal(TimeSpan.FromMinutes(35), stats.MedianRequestToBooking.ToTimeSpan());
        // Aggregates only: neither the client nor the appointment appears in the answer.
        Assert.DoesNotContain(Client, stats.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(booked.Id, stats.ToString(), StringComparison.Ordinal);

        // The request is closed: the client's next search for the type opens a new one.
        clock.Now = Now.AddMinutes(40);
        await frontdesk.FindJointSlotsAsync(Search(AaType, Client, requestedAt: null));
        var open = Assert.Single(await host.QueryAsync(db => db.Offers.AsNoTracking().Where(o => o.AppointmentId == null).ToListAsync()));
        Assert.Equal(Now.AddMinutes(40).UtcDateTime, open.FirstOfferedAt);
    }

    public static FindJointSlotsRequest Search(string typeId, string clientId, DateTimeOffset? requestedAt, DateTimeOffset? start = null)
    {
        var from = start ?? Tuesday10;
        var request = new FindJointSlotsRequest
        {
            AppointmentTypeId = typeId,
            ClientId = clientId,
            RangeStart = Timestamp.FromDateTimeOffset(from),
            RangeEnd = Timestamp.FromDateTimeOffset(from.AddHours(3)),
            MaxResults = 3,
        };
        if (requestedAt is { } at) request.RequestedAt = Timestamp.FromDateTimeOffset(at);
        return request;
    }
}
