using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Appointments.Data;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>The server-side offer state behind "time from request to first offered slot, and to booking".</summary>
public sealed class OfferStatsTests
{
    [Fact]
    public async Task Two_searches_then_a_booking_count_the_first_offer()
    {
        var clock = new ManualClock(Now);
        await using var host = await AppointmentsTestHost.StartAsync(clock);
        await OfferScenario.TwoSearchesThenABookingCountTheFirstOfferAsync(host, clock);
    }

    [Fact]
    public async Task Only_a_search_that_names_a_client_and_a_type_and_offers_a_slot_opens_a_request()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);

        await frontdesk.FindJointSlotsAsync(OfferScenario.Search(AaType, "", requestedAt: null));              // no client
        var saturday = await frontdesk.FindJointSlotsAsync(OfferScenario.Search(AaType, "client-offer-2", requestedAt: null,
            start: Tuesday10.AddDays(4)));                                                                     // nothing offered
        Assert.Empty(saturday.Slots);
        await frontdesk.FindJointSlotsAsync(new FindJointSlotsRequest                                           // ad hoc: no type to book
        {
            ClientId = "client-offer-2", Pools = { new AgencyPool { OrganizationId = Aa, Topic = Topic.Arbeit } },
            Duration = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
            RangeStart = Timestamp.FromDateTimeOffset(Tuesday10), RangeEnd = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(3)),
        });
        Assert.Equal(0, await host.QueryAsync(db => db.Offers.CountAsync()));

        await RpcAssert.InvalidAsync("client_id", () => frontdesk.FindJointSlotsAsync(OfferScenario.Search(AaType, "Max Mustermann", requestedAt: null)).ResponseAsync);
        Assert.Equal(0, await host.QueryAsync(db => db.Offers.CountAsync()));
    }

    [Fact]
    public async Task A_booking_without_an_open_request_has_no_first_offer_and_is_left_out_of_that_median()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);
        // Searched anonymously; the slot carries stamps, which statistics no longer trust.
        var found = await frontdesk.FindJointSlotsAsync(OfferScenario.Search(AaType, "", requestedAt: Now.AddMinutes(-5)));
        var booked = await frontdesk.BookAppointmentAsync(new BookAppointmentRequest { AppointmentTypeId = AaType, ClientId = "client-offer-3", Slot = found.Slots[0] });

        Assert.Null(booked.FirstOfferAt);
        var stats = await frontdesk.GetStatsAsync(new StatsRequest
        {
            From = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(-2)), To = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(10)),
        });
        Assert.Null(stats.MedianRequestToFirstOffer);
        Assert.Equal(TimeSpan.FromMinutes(5), stats.MedianRequestToBooking.ToTimeSpan());
    }

    [Fact]
    public async Task Abandoned_requests_are_purged_after_the_retention_and_booked_ones_stay()
    {
        var clock = new ManualClock(Now);
        await using var host = await AppointmentsTestHost.StartAsync(clock, settings: new Dictionary<string, string?>
        {
            ["OneStop:Appointments:OfferRetention"] = "1.00:00:00",
        });
        await LoadAsync(host.ClientFor(Admin));
        var frontdesk = host.ClientFor(Frontdesk);
        await frontdesk.FindJointSlotsAsync(OfferScenario.Search(AaType, "client-offer-open", requestedAt: null));
        var found = await frontdesk.FindJointSlotsAsync(OfferScenario.Search(AbhType, "client-offer-booked", requestedAt: null));
        await frontdesk.BookAppointmentAsync(new BookAppointmentRequest { AppointmentTypeId = AbhType, ClientId = "client-offer-booked", Slot = found.Slots[0] });

        // After the retention an open request is abandoned: a new search opens a new one instead of keeping the old first offer.
        clock.Now = Now.AddDays(1).AddMinutes(1);
        await frontdesk.FindJointSlotsAsync(OfferScenario.Search(AaType, "client-offer-open", requestedAt: null, start: Tuesday10.AddDays(1)));
        var reopened = Assert.Single(await host.QueryAsync(db => db.Offers.AsNoTracking().Where(o => o.AppointmentId == null).ToListAsync()));
        Assert.Equal(clock.Now.UtcDateTime, reopened.FirstOfferedAt);

        clock.Now = Now.AddDays(3);
        Assert.Equal(1, await PurgeAsync(host));
        var left = Assert.Single(await host.QueryAsync(db => db.Offers.AsNoTracking().ToListAsync()));
        Assert.NotNull(left.AppointmentId);
        Assert.Equal(0, await PurgeAsync(host));
    }

    private static async Task<int> PurgeAsync(AppointmentsTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Offers>().PurgeAsync(CancellationToken.None);
    }
}
