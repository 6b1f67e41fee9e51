using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Concurrency;

public sealed class SameSlotRaceTests
{
    [Fact]
    public async Task Two_hundred_concurrent_bookings_of_one_slot_give_exactly_one_appointment()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);

        var outcomes = await SlotRace.BookSameSlotAsync([client], 200);

        SlotRace.AssertExactlyOneWon(outcomes);
        Assert.Equal(1, await host.QueryAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(12, await host.QueryAsync(db => db.Allocations.CountAsync())); // one hour in 5-minute units
    }
}
