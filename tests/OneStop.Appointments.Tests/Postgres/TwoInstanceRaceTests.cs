using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Postgres;

/// <summary>
/// Two service instances on one database. Each instance serialises its own writers in process, so only the
/// database's unique key on (resource, time unit) can stop the two instances from booking the same slot.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceRaceTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Two_instances_racing_for_one_slot_give_exactly_one_appointment()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var settings = PostgresServerFixture.ServiceSettings(OneStop.Appointments.Extensions.DatabaseName, connectionString);
        // Started one after the other: each applies (or finds) the migrations before taking traffic.
        await using var first = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: settings);
        await using var second = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: settings);
        await LoadAsync(first.ClientFor(Admin));
        var clients = new[] { first.ClientFor(Frontdesk), second.ClientFor(Frontdesk) };

        var outcomes = await SlotRace.BookSameSlotAsync(clients, 100);

        SlotRace.AssertExactlyOneWon(outcomes);
        Assert.Equal(1, await first.QueryAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(12, await second.QueryAsync(db => db.Allocations.CountAsync())); // one hour in 5-minute units
    }

    [Fact]
    public async Task A_booking_on_another_instance_reaches_live_watchers_within_the_poll_interval()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(PostgresServerFixture.ServiceSettings(OneStop.Appointments.Extensions.DatabaseName, connectionString));
        foreach (var (key, value) in TwoInstanceWatch.FastPoll) settings[key] = value;
        await using var first = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: settings);
        await using var second = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: settings);
        await TwoInstanceWatch.AnotherInstancesBookingReachesTheWatcherAsync(first, second);
    }
}
