using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Directory.Data;
using OneStop.Directory.Tests.TestSupport;
using OneStop.TestSupport;

namespace OneStop.Directory.Tests.Postgres;

/// <summary>`OneStop.Directory migrate`, the command the Kubernetes migration Job runs (deploy/k8s), on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrateCommandTests(PostgresServerFixture server)
{
    [Fact]
    public async Task Migrate_applies_every_migration_writes_no_data_and_a_second_run_changes_nothing()
    {
        var settings = PostgresCollection.DirectorySettings(await server.CreateDatabaseAsync());
        var dataDirectory = DirectoryTestHost.NewDataDirectory();
        Assert.Equal(0, await RunAsync(dataDirectory, settings, ["migrate"]));
        var first = await StateAsync(dataDirectory, settings);
        Assert.Empty(first.Pending);
        Assert.NotEmpty(first.Applied);
        Assert.Equal(0, first.Organizations);
        Assert.Equal(0, first.Changes);

        Assert.Equal(0, await RunAsync(dataDirectory, settings, ["migrate"]));
        Assert.Equal(first, await StateAsync(dataDirectory, settings));
    }

    private static async Task<int> RunAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings, string[] args)
    {
        await using var app = DirectoryTestHost.Build(dataDirectory, clock: null, args, settings);
        return await app.RunDirectoryAsync(args);
    }

    private sealed record MigrationState(string Applied, string Pending, int Organizations, int Changes);

    private static async Task<MigrationState> StateAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        await using var app = DirectoryTestHost.Build(dataDirectory, clock: null, [], settings);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return new MigrationState(string.Join(",", await db.Database.GetAppliedMigrationsAsync()),
            string.Join(",", await db.Database.GetPendingMigrationsAsync()),
            await db.Organizations.CountAsync(), await db.Changes.CountAsync());
    }
}
