using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.Directory.Client.Tests.TestSupport;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client.Tests;

/// <summary>Redis killed in the middle of a test, then restarted empty.</summary>
public sealed class RedisOutageTests
{
    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task Lookups_keep_answering_and_health_is_degraded_while_Redis_is_down(CacheServer server)
    {
        await using var rig = await TestRig.StartAsync(server);
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "cached"), TestData.Service("s2", "not cached"));
        var (client, store) = await rig.NewClientAsync();
        var health = new DirectoryCacheHealthCheck(store, client);
        Assert.Equal("cached", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        await rig.Redis.KillAsync();
        await Eventually.Until(() => !store.IsConnected, "the client noticed Redis is gone");

        Assert.Equal("cached", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal("not cached", (await client.GetServiceAsync("s2"))!.Name);
        Assert.Equal(1, client.Statistics.Hits);
        Assert.Equal(1, client.Statistics.GrpcLoads);
        Assert.Equal(0, client.Statistics.RedisErrors); // Redis skipped, not tried and timed out
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task After_an_empty_restart_and_rebuild_no_entry_cached_before_the_outage_is_served(CacheServer server)
    {
        await using var rig = await TestRig.StartAsync(server);
        var (writer, _) = rig.NewWriter();
        var rebuildNeeded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        writer.RebuildNeeded += () => rebuildNeeded.TrySetResult();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "before the outage"));
        var (client, store) = await rig.NewClientAsync();
        Assert.Equal("before the outage", (await client.GetServiceAsync("s1"))!.Name);

        await rig.Redis.KillAsync();
        await Eventually.Until(() => !store.IsConnected, "the client noticed Redis is gone");
        // The directory commits a change meanwhile; its read-model write cannot reach Redis and must not throw.
        var changed = TestData.Service("s1", "changed during the outage");
        rig.Fake.Services["s1"] = changed;
        await writer.ApplyAsync(TestData.Upserted(2, changed));
        Assert.True(writer.NeedsRebuild);
        Assert.Equal("before the outage", (await client.GetServiceAsync("s1"))!.Name); // fresh in memory, still served

        await rig.Redis.RestartAsync();
        await rebuildNeeded.Task.WaitAsync(Eventually.DefaultTimeout);
        await Eventually.Until(() => client.Statistics.Reconnects >= 1, "the client reconnected");

        // Reconnected but not yet rebuilt: the empty read model is not trusted, the directory answers.
        Assert.Equal("changed during the outage", (await client.GetServiceAsync("s1"))!.Name);

        await rig.RebuildFromFakeAsync(writer, 2);
        Assert.False(writer.NeedsRebuild);
        await Eventually.Until(() => client.IsReadModelCurrent, "the client trusts the rebuilt read model");
        Assert.Equal("changed during the outage", (await client.GetServiceAsync("s1"))!.Name);
    }

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task An_empty_restart_alone_makes_the_writer_ask_for_a_rebuild_and_the_client_bypass_Redis(CacheServer server)
    {
        await using var rig = await TestRig.StartAsync(server);
        var (writer, _) = rig.NewWriter();
        var rebuildNeeded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        writer.RebuildNeeded += () => rebuildNeeded.TrySetResult();
        await rig.SeedAsync(writer, 3, TestData.Service("s1", "one"), TestData.Service("s2", "two"));
        var (client, store) = await rig.NewClientAsync();
        var health = new DirectoryCacheHealthCheck(store, client);

        await rig.Redis.KillAsync();
        await Eventually.Until(() => !store.IsConnected, "the client noticed Redis is gone");
        Assert.False(writer.NeedsRebuild); // nothing was missed yet
        await rig.Redis.RestartAsync();

        try { await rebuildNeeded.Task.WaitAsync(Eventually.DefaultTimeout); }
        catch (TimeoutException) { throw new TimeoutException("no RebuildNeeded; writer log: " + rig.WriterLog + " connected=" + rig.Redis.Port); }
        Assert.True(writer.NeedsRebuild);
        await Eventually.Until(() => client.Statistics.Reconnects >= 1 && store.IsConnected, "the client reconnected");
        Assert.False(client.IsReadModelCurrent);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        var grpcLoads = client.Statistics.GrpcLoads;
        Assert.Equal("one", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal(grpcLoads + 1, client.Statistics.GrpcLoads);

        await rig.RebuildFromFakeAsync(writer, 3);
        await Eventually.Until(() => client.IsReadModelCurrent, "the client trusts the rebuilt read model");
        var redisHits = client.Statistics.RedisHits;
        Assert.Equal("two", (await client.GetServiceAsync("s2"))!.Name);
        Assert.Equal(redisHits + 1, client.Statistics.RedisHits);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
