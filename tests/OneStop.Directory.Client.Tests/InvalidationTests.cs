using OneStop.Directory.Client.Tests.TestSupport;

namespace OneStop.Directory.Client.Tests;

/// <summary>Changes applied by the writer reach every client through the invalidation channel.</summary>
public sealed class InvalidationTests
{
    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task An_applied_change_is_seen_by_two_clients(CacheServer server)
    {
        await using var rig = await TestRig.StartAsync(server);
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "Beratung alt"));
        var (first, _) = await rig.NewClientAsync();
        var (second, _) = await rig.NewClientAsync();
        Assert.Equal("Beratung alt", (await first.GetServiceAsync("s1"))!.Name);
        Assert.Equal("Beratung alt", (await second.GetServiceAsync("s1"))!.Name);

        var changed = TestData.Service("s1", "Beratung neu");
        rig.Fake.Services["s1"] = changed;
        await writer.ApplyAsync(TestData.Upserted(2, changed));

        await Eventually.Until(() => first.Statistics.Invalidations >= 1 && second.Statistics.Invalidations >= 1,
            "both clients received the invalidation");
        foreach (var client in new[] { first, second })
        {
            Assert.Equal("Beratung neu", (await client.GetServiceAsync("s1"))!.Name);
            Assert.Equal(2, client.Statistics.RedisHits); // dropped and reloaded from the updated read model
            Assert.Equal(0, client.Statistics.GrpcLoads);
        }
        Assert.False(writer.NeedsRebuild);
    }

    [Fact]
    public async Task A_deletion_makes_the_entity_disappear()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, store) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "JMD"));
        var (client, _) = await rig.NewClientAsync();
        Assert.NotNull(await client.GetServiceAsync("s1"));

        rig.Fake.Services.TryRemove("s1", out _);
        await writer.ApplyAsync(TestData.Deleted(2, "s1"));

        await Eventually.Until(() => client.Statistics.Invalidations >= 1, "the client received the invalidation");
        Assert.Null(await store.GetAsync(DirectoryKeys.Service("s1")));
        Assert.Null(await client.GetServiceAsync("s1"));
    }

    [Fact]
    public async Task A_rebuild_drops_everything_cached()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "a"), TestData.Service("s2", "b"));
        var (client, _) = await rig.NewClientAsync();
        await client.GetServiceAsync("s1");
        await client.GetServiceAsync("s2");

        rig.Fake.Services["s1"] = TestData.Service("s1", "a2");
        rig.Fake.Services["s2"] = TestData.Service("s2", "b2");
        await rig.RebuildFromFakeAsync(writer, 5);

        // Through the rebuild's invalidation, or (when a loaded machine delays the subscription past the publish)
        // through the client's periodic read-model check: either way nothing cached before the rebuild survives it.
        await Eventually.Until(async () =>
            (await client.GetServiceAsync("s1"))!.Name == "a2" && (await client.GetServiceAsync("s2"))!.Name == "b2",
            "both entries cached before the rebuild are read anew");
    }
}
