using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Appointments.Data;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.TestSupport;

namespace OneStop.Appointments.Tests.Postgres;

/// <summary>`OneStop.Appointments migrate`, the command the Kubernetes migration Job runs (deploy/k8s), on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrateCommandTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Migrate_applies_every_migration_writes_no_data_and_a_second_run_changes_nothing()
    {
        var settings = PostgresServerFixture.ServiceSettings(OneStop.Appointments.Extensions.DatabaseName, await server.CreateDatabaseAsync());
        var dataDirectory = AppointmentsTestHost.NewDataDirectory();
        Assert.Equal(0, await RunAsync(dataDirectory, settings, ["migrate"]));
        var first = await StateAsync(dataDirectory, settings);
        Assert.Empty(first.Pending);
        Assert.NotEmpty(first.Applied);
        Assert.Equal(0, first.Types);
        Assert.Equal(0, first.Resources);

        Assert.Equal(0, await RunAsync(dataDirectory, settings, ["migrate"]));
        Assert.Equal(first, await StateAsync(dataDirectory, settings));
    }

    private static async Task<int> RunAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings, string[] args)
    {
        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, args, settings: settings);
        return await app.RunAppointmentsAsync(args);
    }

    private sealed record MigrationState(string Applied, string Pending, int Types, int Resources);

    private static async Task<MigrationState> StateAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, [], settings: settings);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        return new MigrationState(string.Join(",", await db.Database.GetAppliedMigrationsAsync()),
            string.Join(",", await db.Database.GetPendingMigrationsAsync()),
            await db.AppointmentTypes.CountAsync(), await db.Resources.CountAsync());
    }
}
