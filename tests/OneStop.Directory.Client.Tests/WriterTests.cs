using System.Net;
using System.Net.Sockets;
using OneStop.Directory.Client.Tests.TestSupport;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client.Tests;

/// <summary>The read-model writer the Directory service calls after each committed change.</summary>
public sealed class WriterTests
{
    [Fact]
    public async Task Never_throws_when_Redis_is_unreachable()
    {
        // A port nobody listens on: Redis was never there.
        using var store = RedisStore.Connect($"127.0.0.1:{UnusedPort()}", TimeSpan.FromMilliseconds(250));
        using var writer = new DirectoryReadModelWriter(store);

        await writer.ApplyAsync(TestData.Upserted(1, TestData.Service("s1", "x")));
        await writer.ApplyAsync(TestData.Deleted(2, "s1"));
        await writer.RebuildAsync([], [TestData.Service("s2", "y")], [], 2);

        Assert.True(writer.NeedsRebuild);
        Assert.Equal(2, writer.LastKnownVersion);
    }

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task Never_throws_when_Redis_dies_between_changes(CacheServer server)
    {
        await using var rig = await TestRig.StartAsync(server);
        var (writer, store) = rig.NewWriter();
        await rig.SeedAsync(writer, 1);
        await writer.ApplyAsync(TestData.Upserted(2, TestData.Service("s1", "x")));
        Assert.False(writer.NeedsRebuild);

        await rig.Redis.KillAsync();
        await Eventually.Until(() => !store.IsConnected, "the writer noticed Redis is gone");
        await writer.ApplyAsync(TestData.Upserted(3, TestData.Service("s1", "y")));

        Assert.True(writer.NeedsRebuild);
    }

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task The_version_key_never_goes_backwards(CacheServer server)
    {
        await using var rig = await TestRig.StartAsync(server);
        var (writer, store) = rig.NewWriter();
        await rig.SeedAsync(writer, 1);

        await writer.ApplyAsync(TestData.Upserted(5, TestData.Service("s1", "five")));
        await writer.ApplyAsync(TestData.Upserted(3, TestData.Service("s2", "three")));

        Assert.Equal(5, await store.GetInt64Async(DirectoryKeys.Version));
        Assert.Equal(5, writer.LastKnownVersion);
    }

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task A_rebuild_removes_entities_that_no_longer_exist_and_keeps_other_keys(CacheServer server)
    {
        await using var rig = await TestRig.StartAsync(server);
        var (writer, store) = rig.NewWriter();
        await writer.RebuildAsync(
            [new Organization { Id = "o1", Name = "IHK" }],
            [TestData.Service("s1", "a"), TestData.Service("s2", "b")],
            [new Location { Id = "l1", Name = "Rathaus" }],
            4);
        await store.SetAsync("unrelated:key", [1]);
        await store.SetAsync("onestop:directory:v0:service:s9", [1]); // another schema version is not ours to delete

        await writer.RebuildAsync([], [TestData.Service("s1", "a")], [], 6);

        var keys = (await store.ScanKeysAsync("")).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "onestop:directory:v0:service:s9",
            "onestop:directory:v1:built",
            "onestop:directory:v1:service:s1",
            "onestop:directory:v1:version",
            "unrelated:key",
        ], keys);
        Assert.Equal(6, await store.GetInt64Async(DirectoryKeys.Built));
        Assert.False(writer.NeedsRebuild);
    }

    [Fact]
    public async Task A_change_already_in_the_last_rebuild_does_not_overwrite_newer_state()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, store) = rig.NewWriter();
        await rig.SeedAsync(writer, 10, TestData.Service("s1", "as of 10"));

        // Delivered late: version 8 was committed before the snapshot the rebuild used.
        await writer.ApplyAsync(TestData.Upserted(8, TestData.Service("s1", "as of 8")));

        var bytes = await store.GetAsync(DirectoryKeys.Service("s1"));
        Assert.Equal("as of 10", Service.Parser.ParseFrom(bytes).Name);
    }

    [Fact]
    public async Task An_upsert_without_its_entity_is_not_taken_for_a_deletion()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, store) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "kept"));

        await writer.ApplyAsync(new Change { Version = 2, EntityType = EntityType.Service, Id = "s1", Kind = ChangeKind.Upserted });

        Assert.NotNull(await store.GetAsync(DirectoryKeys.Service("s1")));
        Assert.True(writer.NeedsRebuild);
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
