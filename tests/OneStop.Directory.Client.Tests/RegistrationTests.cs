using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneStop.Directory.Client.Tests.TestSupport;

namespace OneStop.Directory.Client.Tests;

/// <summary>AddDirectoryClient / AddDirectoryReadModelWriter as a service's host uses them.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task Registers_client_writer_store_and_a_directory_cache_health_check_that_degrades_without_Redis()
    {
        await using var rig = await TestRig.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Redis"] = rig.Redis.Configuration,
            ["OneStop:Directory:DirectoryAddress"] = rig.Directory.Address,
            ["OneStop:Directory:Ttl"] = "00:02:00",
            ["OneStop:Directory:ReadModelRecheckInterval"] = "00:00:00.500",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddDirectoryClient(o => o.StaleWhileRevalidate = TimeSpan.FromSeconds(30))
            .AddDirectoryReadModelWriter();
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DirectoryClientOptions>>().Value;
        Assert.Equal(rig.Redis.Configuration, options.Redis);
        Assert.Equal(rig.Directory.Address, options.DirectoryAddress);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StaleWhileRevalidate);

        var writer = provider.GetRequiredService<DirectoryReadModelWriter>();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "via DI"));
        var client = provider.GetRequiredService<DirectoryClient>();
        await client.InitializeAsync();
        await Eventually.Until(() => client.IsReadModelCurrent, "the client trusts the built read model");
        Assert.Same(provider.GetRequiredService<RedisStore>(), provider.GetRequiredService<RedisStore>());
        Assert.Equal("via DI", (await client.GetServiceAsync("s1"))!.Name);
        Assert.Equal(1, client.Statistics.RedisHits);

        var health = provider.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["directory-cache"].Status);

        await rig.Redis.KillAsync();
        var store = provider.GetRequiredService<RedisStore>();
        await Eventually.Until(() => !store.IsConnected, "the store noticed Redis is gone");
        var report = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, report.Entries["directory-cache"].Status);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Equal("via DI", (await client.GetServiceAsync("s1"))!.Name);
    }
}
