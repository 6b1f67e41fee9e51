using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Directory.Data;
using OneStop.Directory.Tests.TestSupport;
using OneStop.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Postgres;

/// <summary>The checked-in Postgres migrations: applied at start-up, the right column types, recognised on restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServerFixture server)
{
    private static readonly string[] EntryTables = ["organizations", "services", "locations", "services_at_location"];

    [Fact]
    public async Task Start_up_applies_the_postgres_migrations()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var host = await DirectoryTestHost.StartAsync(settings: PostgresCollection.DirectorySettings(connectionString));

        var (type, applied, all) = await host.QueryAsync(async db =>
            (db.GetType(), (await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.Equal(typeof(PostgresDirectoryDbContext), type);
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.All(all, id => Assert.DoesNotContain("20261121201927", id, StringComparison.Ordinal)); // not SQLite's
    }

    [Fact]
    public async Task Columns_have_postgres_types_and_the_indexes_exist()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using (await DirectoryTestHost.StartAsync(settings: PostgresCollection.DirectorySettings(connectionString))) { }

        var columns = await QueryAsync(connectionString,
            "SELECT table_name || '.' || column_name, data_type || '/' || is_identity FROM information_schema.columns WHERE table_schema = 'public'");
        foreach (var table in EntryTables)
        {
            Assert.Equal("bytea/NO", columns[$"{table}.Payload"]);
            Assert.Equal("timestamp with time zone/NO", columns[$"{table}.LastModified"]);
            Assert.Equal("bigint/NO", columns[$"{table}.Version"]);
            Assert.Equal("character varying/NO", columns[$"{table}.Id"]);
        }
        Assert.Equal("bigint/YES", columns["changes.Version"]);
        Assert.Equal("timestamp with time zone/NO", columns["changes.ChangedAt"]);
        Assert.Equal("bytea/NO", columns["changes.Payload"]);
        Assert.Equal("date/NO", columns["services.AssuredDate"]);

        var indexes = await QueryAsync(connectionString, "SELECT indexname, tablename FROM pg_indexes WHERE schemaname = 'public'");
        string[] expected =
        [
            "PK_organizations", "PK_services", "PK_locations", "PK_services_at_location", "PK_regions", "PK_changes",
            "IX_organizations_OwnerRegionAgs", "IX_services_OwnerRegionAgs", "IX_locations_OwnerRegionAgs",
            "IX_services_at_location_OwnerRegionAgs", "IX_services_OrganizationId", "IX_locations_OrganizationId",
            "IX_services_at_location_ServiceId", "IX_services_at_location_LocationId", "IX_regions_ParentAgs",
        ];
        Assert.All(expected, name => Assert.True(indexes.ContainsKey(name), $"index {name} is missing"));
    }

    [Fact]
    public async Task A_restart_recognises_the_schema_and_keeps_the_data_with_utc_instants()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var settings = PostgresCollection.DirectorySettings(connectionString);
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero)); // the night clocks go forward in Berlin
        Organization stored;
        await using (var first = await DirectoryTestHost.StartAsync(clock, settings: settings))
        {
            stored = await first.ClientFor(KreisAdmin).UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        }

        await using var second = await DirectoryTestHost.StartAsync(settings: settings);
        Assert.Equal(stored, await second.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = "org-a" }));
        var (lastModified, changedAt) = await second.QueryAsync(async db =>
            ((await db.Organizations.SingleAsync()).LastModified, (await db.Changes.SingleAsync()).ChangedAt));
        Assert.Equal(clock.Now.UtcDateTime, lastModified);
        Assert.Equal(DateTimeKind.Utc, lastModified.Kind);
        Assert.Equal(clock.Now.UtcDateTime, changedAt);
        Assert.Equal(1, await second.QueryAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).Count()));
    }

    /// <summary>Two text columns per row, as a dictionary keyed by the first.</summary>
    private static async Task<Dictionary<string, string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetString(1);
        return rows;
    }
}
