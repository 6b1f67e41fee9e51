using OneStop.Directory.Data;
using OneStop.Directory.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Grpc;

public sealed class SeedTests
{
    [Fact]
    public async Task Seed_command_loads_the_demo_county_and_a_second_run_writes_nothing()
    {
        var dataDirectory = DirectoryTestHost.NewDataDirectory();
        Assert.Equal(0, await RunSeedCommandAsync(dataDirectory));

        await using var host = await DirectoryTestHost.StartAsync(dataDirectory: dataDirectory);
        var first = await host.StateAsync();
        Assert.True(first.Organizations > 0 && first.Services > 0 && first.Locations > 0, first.ToString());
        Assert.Equal(first.Organizations + first.Services + first.Locations + first.ServicesAtLocation, first.Changes);
        var regions = await host.Client().ListRegionsAsync(new ListRegionsRequest { ParentAgs = "05766", Level = RegionLevel.Planungsraum });
        Assert.NotEmpty(regions.Regions);
        // The running service searches what the seed wrote.
        var search = await host.Client().SearchServicesAsync(new SearchServicesRequest());
        Assert.True(search.TotalSize > 0);

        // Again, in the running service's process: identical, so no change-log rows.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DirectorySeeder>().SeedAsync(CancellationToken.None));
        }
        Assert.Equal(first, await host.StateAsync());
    }

    [Fact]
    public async Task Seed_command_run_twice_keeps_the_change_log_version()
    {
        var dataDirectory = DirectoryTestHost.NewDataDirectory();
        Assert.Equal(0, await RunSeedCommandAsync(dataDirectory));
        var first = await LastVersionAsync(dataDirectory);
        Assert.Equal(0, await RunSeedCommandAsync(dataDirectory));
        Assert.True(first > 0);
        Assert.Equal(first, await LastVersionAsync(dataDirectory));
    }

    /// <summary>`OneStop.Directory seed`, as Program.cs runs it, against the given data directory.</summary>
    private static async Task<int> RunSeedCommandAsync(string dataDirectory)
    {
        await using var app = DirectoryTestHost.Build(dataDirectory, clock: null, ["seed"]);
        return await app.RunDirectoryAsync(["seed"]);
    }

    private static async Task<long> LastVersionAsync(string dataDirectory)
    {
        await using var app = DirectoryTestHost.Build(dataDirectory, clock: null, []);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.Changes.MaxAsync(c => (long?)c.Version) ?? 0;
    }
}
