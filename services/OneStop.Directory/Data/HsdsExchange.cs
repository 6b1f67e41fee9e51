using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Domain.Hsds;
using OneStop.Directory.Domain.Validation;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Data;

/// <summary>
/// HSDS 3.1 export and import around the JSON mapping in Domain/Hsds. The import writes every record through the
/// ordinary write path — validation, ownership per record (stored and new owner) — all in one transaction: one bad
/// record and nothing is imported.
/// </summary>
public sealed class HsdsExchange(DirectoryDbContext db, DirectoryCommands commands)
{
    public async Task<HsdsDocument> ExportAsync(CancellationToken ct)
    {
        // One read transaction, so the document is a consistent picture even while writes go on.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organizations = Protos(await db.Organizations.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct));
        var services = Protos(await db.Services.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct));
        var locations = Protos(await db.Locations.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct));
        var servicesAtLocation = Protos(await db.ServicesAtLocation.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct));
        await transaction.CommitAsync(ct);
        return new HsdsDocument { Json = HsdsJson.Export(organizations, services, locations, servicesAtLocation) };
    }

    /// <summary>
    /// Records without an x_onestop ownership are owned by the importing admin's organization and region, which is
    /// what the admin could have created by hand. Identical records are left alone (no change-log rows).
    /// </summary>
    public async Task<ImportHsdsResponse> ImportAsync(string json, CallerIdentity caller, CancellationToken ct)
    {
        var dataset = HsdsJson.Import(json);
        var fallbackOwner = new Ownership { OrganizationId = caller.OrganizationId, RegionAgs = caller.RegionAgs };
        foreach (var o in dataset.Organizations) o.Ownership ??= fallbackOwner.Clone();
        foreach (var s in dataset.Services) s.Ownership ??= fallbackOwner.Clone();
        foreach (var l in dataset.Locations) l.Ownership ??= fallbackOwner.Clone();
        foreach (var s in dataset.ServicesAtLocation) s.Ownership ??= fallbackOwner.Clone();

        // Everything is validated before the transaction starts: a bad record costs no database work.
        for (var i = 0; i < dataset.Organizations.Count; i++) EntryValidator.Validate(dataset.Organizations[i], $"organizations[{i}]");
        for (var i = 0; i < dataset.Services.Count; i++) EntryValidator.Validate(dataset.Services[i], $"services[{i}]");
        for (var i = 0; i < dataset.Locations.Count; i++) EntryValidator.Validate(dataset.Locations[i], $"locations[{i}]");
        for (var i = 0; i < dataset.ServicesAtLocation.Count; i++) EntryValidator.Validate(dataset.ServicesAtLocation[i], $"service_at_locations[{i}]");

        var rules = WriteRules.Import(caller);
        await commands.InTransactionAsync(async changes =>
        {
            // Referenced records first: services need their organization, services-at-location both ends.
            foreach (var o in dataset.Organizations) await commands.StageAsync(o, rules, changes, ct);
            foreach (var l in dataset.Locations) await commands.StageAsync(l, rules, changes, ct);
            foreach (var s in dataset.Services) await commands.StageAsync(s, rules, changes, ct);
            foreach (var s in dataset.ServicesAtLocation) await commands.StageAsync(s, rules, changes, ct);
            return changes.Count;
        }, ct);
        return new ImportHsdsResponse
        {
            Organizations = dataset.Organizations.Count,
            Services = dataset.Services.Count,
            Locations = dataset.Locations.Count,
            ServicesAtLocation = dataset.ServicesAtLocation.Count,
        };
    }

    private static List<T> Protos<T>(IEnumerable<EntryRecord<T>> records) where T : Google.Protobuf.IMessage<T>, new() =>
        records.Select(r => r.ToProto()).ToList();
}
