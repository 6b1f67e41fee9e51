using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Postgres;

/// <summary>The directory's write rules, run by the real service on PostgreSQL instead of SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteTests(PostgresServerFixture server)
{
    private async Task<DirectoryTestHost> StartAsync() =>
        await DirectoryTestHost.StartAsync(settings: PostgresCollection.DirectorySettings(await server.CreateDatabaseAsync()));

    [Fact]
    public async Task Seed_then_upsert_and_read_round_trip()
    {
        var settings = PostgresCollection.DirectorySettings(await server.CreateDatabaseAsync());
        var dataDirectory = DirectoryTestHost.NewDataDirectory();
        await using (var seed = DirectoryTestHost.Build(dataDirectory, clock: null, ["seed"], settings))
        {
            Assert.Equal(0, await seed.RunDirectoryAsync(["seed"]));
        }

        await using var host = await DirectoryTestHost.StartAsync(dataDirectory: dataDirectory, settings: settings);
        var seeded = await host.StateAsync();
        Assert.True(seeded.Organizations > 0 && seeded.Services > 0 && seeded.Locations > 0, seeded.ToString());
        Assert.True((await host.Client().SearchServicesAsync(new SearchServicesRequest())).TotalSize > 0);

        var admin = host.ClientFor(KreisAdmin);
        await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        var created = await host.ClientFor(OrgA).UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-1", "org-a") });
        Assert.Equal(created, await host.Client().GetServiceAsync(new GetServiceRequest { Id = "svc-1" }));

        var change = created.Clone();
        change.Name = "Beratung neu";
        var updated = await host.ClientFor(OrgA).UpsertServiceAsync(new UpsertServiceRequest { Service = change });
        Assert.Equal(long.Parse(created.Etag, System.Globalization.CultureInfo.InvariantCulture) + 1,
            long.Parse(updated.Etag, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(updated, await host.Client().GetServiceAsync(new GetServiceRequest { Id = "svc-1" }));

        var deleted = await host.ClientFor(OrgA).DeleteServiceAsync(new DeleteRequest { Id = "svc-1", Etag = updated.Etag });
        await RpcAssert.FailsAsync(StatusCode.NotFound, async () => await host.Client().GetServiceAsync(new GetServiceRequest { Id = "svc-1" }));
        Assert.Equal(new DatabaseState(seeded.Organizations + 1, seeded.Services, seeded.Locations, seeded.ServicesAtLocation,
            seeded.Changes + 4, deleted.Version), await host.StateAsync());
    }

    [Fact]
    public async Task Ten_concurrent_updates_with_the_same_etag_exactly_one_wins()
    {
        await using var host = await StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        var stored = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        var before = await host.StateAsync();

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            var update = stored.Clone();
            update.Name = $"Fassung {i}";
            await start.WaitAsync();
            try
            {
                return (await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = update })).Name;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted)
            {
                return null;
            }
        })).ToList();
        start.Release(10);
        var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(9, results.Count(r => r is null));
        Assert.Equal(winner, (await host.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = "org-a" })).Name);
        Assert.Equal(before.Changes + 1, (await host.StateAsync()).Changes);
    }

    [Fact]
    public async Task Watch_changes_replays_in_order_and_misses_none_under_concurrent_writes()
    {
        await using var host = await StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        var first = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-0") });
        var from = long.Parse(first.Etag, System.Globalization.CultureInfo.InvariantCulture);

        var writes = Task.Run(async () =>
        {
            for (var i = 1; i <= 20; i++) await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization($"org-{i}") });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = host.Client().WatchChanges(new WatchChangesRequest { FromVersion = from }, cancellationToken: timeout.Token);
        var versions = new List<long>();
        while (versions.Count < 20 && await call.ResponseStream.MoveNext(timeout.Token)) versions.Add(call.ResponseStream.Current.Version);
        await writes.WaitAsync(timeout.Token);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => from + i), versions);

        // From zero: the whole history, the first change carrying the entry as stored.
        using var replay = host.Client().WatchChanges(new WatchChangesRequest { FromVersion = 0 }, cancellationToken: timeout.Token);
        Assert.True(await replay.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(first, replay.ResponseStream.Current.Organization);
        Assert.Equal(from, replay.ResponseStream.Current.Version);
    }
}
