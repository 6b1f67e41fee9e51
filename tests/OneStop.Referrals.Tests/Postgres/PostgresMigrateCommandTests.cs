using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Referrals.Data;
using OneStop.Referrals.Tests.TestSupport;

namespace OneStop.Referrals.Tests.Postgres;

/// <summary>`OneStop.Referrals migrate`, the command the Kubernetes migration Job runs (deploy/k8s), on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrateCommandTests(PostgresServerFixture server)
{
    // Nothing listens here: migrate must not need the directory.
    private const string NoDirectory = "http://127.0.0.1:1";

    [Fact]
    public async Task Migrate_applies_every_migration_writes_no_data_and_a_second_run_changes_nothing()
    {
        var settings = PostgresServerFixture.ServiceSettings(OneStop.Referrals.Extensions.DatabaseName, await server.CreateDatabaseAsync());
        var dataDirectory = ReferralsTestHost.NewDataDirectory();
        Assert.Equal(0, await RunAsync(dataDirectory, settings, ["migrate"]));
        var first = await StateAsync(dataDirectory, settings);
        Assert.Empty(first.Pending);
        Assert.NotEmpty(first.Applied);
        Assert.Equal("0/0/0", first.Rows);

        Assert.Equal(0, await RunAsync(dataDirectory, settings, ["migrate"]));
        Assert.Equal(first, await StateAsync(dataDirectory, settings));
    }

    private static async Task<int> RunAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings, string[] args)
    {
        await using var app = ReferralsTestHost.Build(dataDirectory, clock: null, args, NoDirectory, settings);
        return await app.RunReferralsAsync(args);
    }

    private sealed record MigrationState(string Applied, string Pending, string Rows);

    private static async Task<MigrationState> StateAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        await using var app = ReferralsTestHost.Build(dataDirectory, clock: null, [], NoDirectory, settings);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        return new MigrationState(string.Join(",", await db.Database.GetAppliedMigrationsAsync()),
            string.Join(",", await db.Database.GetPendingMigrationsAsync()),
            $"{await db.Referrals.CountAsync()}/{await db.Consents.CountAsync()}/{await db.Plans.CountAsync()}");
    }
}
