using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Data;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Postgres;

/// <summary>The checked-in Postgres migrations apply at start-up and keep the double-booking guard in the database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServerFixture server)
{
    private const string SqliteInitial = "20261121203219_Initial";

    [Fact]
    public async Task Start_up_applies_the_postgres_migrations()
    {
        await using var host = await PostgresCollection.StartAsync(server, new ManualClock(Now));

        var (type, applied, all) = await host.QueryAsync(async db =>
            (db.GetType(), (await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.Equal(typeof(PostgresAppointmentsDbContext), type);
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.DoesNotContain(SqliteInitial, all);
        // The catalog round-trips through the migrated tables (and no SQLite PRAGMA reached the server on the way).
        await LoadAsync(host.ClientFor(Admin));
        Assert.Equal(3, await host.QueryAsync(db => db.Resources.CountAsync()));
    }

    [Fact]
    public async Task A_second_row_for_the_same_resource_and_unit_is_a_unique_violation()
    {
        await using var host = await PostgresCollection.StartAsync(server, new ManualClock(Now));
        await host.QueryAsync(async db =>
        {
            db.Allocations.Add(new AllocationRecord { ResourceId = AaCounsellor, Unit = 42, AppointmentId = "appt-first" });
            return await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => host.QueryAsync(async db =>
        {
            db.Allocations.Add(new AllocationRecord { ResourceId = AaCounsellor, Unit = 42, HoldId = "hold-second" });
            return await db.SaveChangesAsync();
        }));
        Assert.True(UniqueViolation.Is(refused), refused.InnerException?.Message);
        Assert.Equal("appt-first", await host.QueryAsync(async db => (await db.Allocations.SingleAsync()).AppointmentId));
    }
}
