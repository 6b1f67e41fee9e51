using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Data;
using OneStop.Directory.V1;

namespace OneStop.Directory.ReadModel;

/// <summary>Everything the directory holds, read in one go, with the change-log version it corresponds to.</summary>
public sealed record DirectoryContents(
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Service> Services,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<Region> Regions,
    long Version)
{
    public static async Task<DirectoryContents> LoadAsync(DirectoryDbContext db, CancellationToken ct)
    {
        // One transaction, so the version matches the rows (no write can slip in between the reads).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = await db.Changes.MaxAsync(c => (long?)c.Version, ct) ?? 0;
        var organizations = (await db.Organizations.AsNoTracking().ToListAsync(ct)).Select(r => r.ToProto()).ToList();
        var services = (await db.Services.AsNoTracking().ToListAsync(ct)).Select(r => r.ToProto()).ToList();
        var locations = (await db.Locations.AsNoTracking().ToListAsync(ct)).Select(r => r.ToProto()).ToList();
        var regions = (await db.Regions.AsNoTracking().ToListAsync(ct)).Select(r => r.ToProto()).ToList();
        await transaction.CommitAsync(ct);
        return new DirectoryContents(organizations, services, locations, regions, version);
    }
}
