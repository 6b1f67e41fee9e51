using Google.Protobuf;
using OneStop.Directory.Client.Tests.TestSupport;

namespace OneStop.Directory.Client.Tests;

/// <summary>TTL and stale-while-revalidate, on a clock the test moves.</summary>
public sealed class FreshnessTests
{
    [Fact]
    public async Task Fresh_within_ttl_stale_served_once_refreshed_then_reloaded_when_past_both()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, store) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "v1"));
        var clock = new ManualTimeProvider();
        var (client, _) = await rig.NewClientAsync(o =>
        {
            o.TimeProvider = clock;
            o.Ttl = TimeSpan.FromMinutes(5);
            o.StaleWhileRevalidate = TimeSpan.FromMinutes(1);
        });
        Assert.Equal("v1", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal(1, client.Statistics.Loads);

        // Changed behind the client's back (no invalidation): only expiry can reveal it.
        await store.SetAsync(DirectoryKeys.Service("s1"), TestData.Service("s1", "v2").ToByteArray());

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal("v1", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal(1, client.Statistics.Hits);
        Assert.Equal(1, client.Statistics.Loads);

        // Past the TTL, inside the stale window: the old value at once, and one refresh behind it.
        clock.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 10; i++)
        {
            var lookup = client.GetServiceAsync("s1");
            Assert.True(lookup.IsCompleted);
            var name = (await lookup)!.Name;
            Assert.True(name == "v1" || (name == "v2" && client.Statistics.Loads == 2), $"lookup {i}: {name}, {client.Statistics}");
        }
        await Eventually.Until(() => client.ServiceCache.TryPeek("s1", out var entry) && entry.Value!.Name == "v2", "the refresh stored v2");
        Assert.Equal(2, client.Statistics.Loads);
        Assert.Equal(1, client.Statistics.Misses); // only the very first lookup waited for a load
        var hits = client.Statistics.Hits;
        Assert.Equal("v2", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal(hits + 1, client.Statistics.Hits);

        // Past TTL and stale window: the lookup waits for a load and never sees the expired value.
        await store.SetAsync(DirectoryKeys.Service("s1"), TestData.Service("s1", "v3").ToByteArray());
        clock.Advance(TimeSpan.FromMinutes(6) + TimeSpan.FromSeconds(1));
        Assert.Equal("v3", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal(2, client.Statistics.Misses);
        Assert.Equal(3, client.Statistics.Loads);
    }
}
