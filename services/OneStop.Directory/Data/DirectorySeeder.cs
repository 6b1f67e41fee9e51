using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Client;
using OneStop.Directory.ReadModel;
using OneStop.Directory.V1;

namespace OneStop.Directory.Data;

/// <summary>
/// Loads the demo county (Data/Seed) idempotently: regions are upserted by AGS, entries go through the ordinary
/// write path with <see cref="WriteRules.Seed"/>, which leaves identical entries alone — a second run writes no
/// change-log rows. One transaction: a half-seeded directory never exists.
/// </summary>
public sealed class DirectorySeeder(DirectoryDbContext db, DirectoryCommands commands)
{
    /// <summary>The `seed` command: migrate, seed, rebuild the Redis read model (skipped quietly when Redis is away).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        int written;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            await db.Database.MigrateAsync(ct);
            written = await scope.ServiceProvider.GetRequiredService<DirectorySeeder>().SeedAsync(ct);
        }
        await ReadModelRebuilder.RebuildAsync(services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<ChangePublisher>(), services.GetRequiredService<DirectoryReadModelWriter>(), ct);
        return written;
    }

    /// <summary>Returns the number of change-log rows written (0 when the directory already matched).</summary>
    public Task<int> SeedAsync(CancellationToken ct) => SeedAsync(DemoCountyContents(), ct);

    public Task<int> SeedAsync(SeedContents contents, CancellationToken ct) =>
        commands.InTransactionAsync(async changes =>
        {
            await UpsertRegionsAsync(contents.Regions, ct);
            // Referenced entries first: services need their organization, services-at-location both ends.
            foreach (var o in contents.Organizations) await commands.StageAsync(o, WriteRules.Seed, changes, ct);
            foreach (var l in contents.Locations) await commands.StageAsync(l, WriteRules.Seed, changes, ct);
            foreach (var s in contents.Services) await commands.StageAsync(s, WriteRules.Seed, changes, ct);
            foreach (var sal in contents.ServicesAtLocation) await commands.StageAsync(sal, WriteRules.Seed, changes, ct);
            return changes.Count;
        }, ct);

    private async Task UpsertRegionsAsync(IEnumerable<Region> regions, CancellationToken ct)
    {
        var stored = await db.Regions.ToDictionaryAsync(r => r.Ags, ct);
        foreach (var region in regions)
        {
            if (!stored.TryGetValue(region.Ags, out var record)) db.Regions.Add(record = new RegionRecord { Ags = region.Ags });
            // Assigning equal values leaves EF's change tracking clean, so an unchanged region is not rewritten.
            record.Name = region.Name;
            record.Level = region.Level;
            record.ParentAgs = region.ParentAgs;
        }
        await db.SaveChangesAsync(ct);
    }

    private static SeedContents DemoCountyContents() => new(
        Seed.DemoCounty.Regions, Seed.DemoCounty.Organizations, Seed.DemoCounty.Locations,
        Seed.DemoCounty.Services, Seed.DemoCounty.ServicesAtLocation);
}

/// <summary>What the seed loads, as contract messages.</summary>
public sealed record SeedContents(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<Service> Services,
    IReadOnlyList<ServiceAtLocation> ServicesAtLocation);
