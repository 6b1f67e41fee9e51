using OneStop.Appointments.Tests.TestSupport;
using OneStop.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Postgres;

/// <summary>The offers table (its migration and partial unique index) and the statistics on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOfferTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Two_searches_then_a_booking_count_the_first_offer_on_PostgreSQL()
    {
        var clock = new ManualClock(Now);
        await using var host = await PostgresCollection.StartAsync(server, clock);
        await OfferScenario.TwoSearchesThenABookingCountTheFirstOfferAsync(host, clock);
    }
}
