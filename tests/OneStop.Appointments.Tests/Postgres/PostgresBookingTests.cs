using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Postgres;

/// <summary>The booking guarantees, run by the real service on PostgreSQL instead of SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBookingTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Two_hundred_concurrent_bookings_of_one_slot_give_exactly_one_appointment()
    {
        await using var host = await PostgresCollection.StartAsync(server, new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);

        var outcomes = await SlotRace.BookSameSlotAsync([client], 200);

        SlotRace.AssertExactlyOneWon(outcomes);
        Assert.Equal(1, await host.QueryAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(12, await host.QueryAsync(db => db.Allocations.CountAsync())); // one hour in 5-minute units
    }

    [Fact]
    public async Task A_hold_blocks_others_until_it_expires_and_then_cannot_be_booked()
    {
        var clock = new ManualClock(Now);
        await using var host = await PostgresCollection.StartAsync(server, clock);
        await LoadAsync(host.ClientFor(Admin));
        var holder = host.ClientFor(Frontdesk);
        var other = host.ClientFor(OtherFrontdesk);

        var hold = await holder.HoldSlotAsync(new HoldSlotRequest { AppointmentTypeId = AaType, ClientId = "client-hold-1", Slot = Slot(Tuesday10, AaCounsellor) });
        Assert.Equal(Now.AddMinutes(5), hold.ExpiresAt.ToDateTimeOffset());
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => other.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-other-1", AaCounsellor)).ResponseAsync);

        clock.Now = Now.AddMinutes(5);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => holder.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-hold-1" }).ResponseAsync);
        var booked = await other.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-other-1", AaCounsellor));
        Assert.Equal(AaCounsellor, booked.Participants.Single().ResourceId);
        Assert.Equal(0, await host.QueryAsync(db => db.Allocations.CountAsync(a => a.HoldId != null)));
    }

    [Fact]
    public async Task Cancel_frees_the_slot_for_a_new_booking()
    {
        await using var host = await PostgresCollection.StartAsync(server, new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var first = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-first-1", AaCounsellor));
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-second-1", AaCounsellor)).ResponseAsync);

        var cancelled = await client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = first.Id, Reason = "Klient verhindert" });
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(first.Sequence + 1, cancelled.Sequence);

        var second = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-second-1", AaCounsellor));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(12, await host.QueryAsync(db => db.Allocations.CountAsync(a => a.AppointmentId == second.Id)));
        Assert.Equal(0, await host.QueryAsync(db => db.Allocations.CountAsync(a => a.AppointmentId == first.Id)));
    }
}
