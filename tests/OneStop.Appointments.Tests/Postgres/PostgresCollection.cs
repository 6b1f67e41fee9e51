using OneStop.Appointments.Tests.TestSupport;
using OneStop.TestSupport;

namespace OneStop.Appointments.Tests.Postgres;

/// <summary>One PostgreSQL cluster for every Postgres test class; each test makes its own database in it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "appointments-postgres";

    /// <summary>The service on a fresh database of <paramref name="server"/>, provider Postgres.</summary>
    public static async Task<AppointmentsTestHost> StartAsync(PostgresServerFixture server, TimeProvider clock)
    {
        var connectionString = await server.CreateDatabaseAsync();
        return await AppointmentsTestHost.StartAsync(clock,
            settings: PostgresServerFixture.ServiceSettings(OneStop.Appointments.Extensions.DatabaseName, connectionString));
    }
}
