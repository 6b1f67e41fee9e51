using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Domain;
using OneStop.Directory.ReadModel;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Data;

/// <summary>
/// The directory's writes. Each command is one transaction holding the entry row and its change-log row; only after
/// the commit is the change published (watchers, search index, Redis read model). Writes are serialized by the
/// publisher's gate so that versions commit and publish in order — WatchChanges depends on that — while the
/// concurrency token on <see cref="EntryRecord.Version"/> still stops lost updates from any second writer process.
/// </summary>
public sealed class DirectoryCommands(DirectoryDbContext db, TimeProvider clock, ChangePublisher publisher)
{
    public Task<Organization> UpsertAsync(Organization entry, CallerIdentity caller, CancellationToken ct) =>
        InTransactionAsync(changes => StageAsync(entry, WriteRules.For(caller), changes, ct), ct)!;

    public Task<Service> UpsertAsync(Service entry, CallerIdentity caller, CancellationToken ct) =>
        InTransactionAsync(changes => StageAsync(entry, WriteRules.For(caller), changes, ct), ct)!;

    public Task<Location> UpsertAsync(Location entry, CallerIdentity caller, CancellationToken ct) =>
        InTransactionAsync(changes => StageAsync(entry, WriteRules.For(caller), changes, ct), ct)!;

    public Task<ServiceAtLocation> UpsertAsync(ServiceAtLocation entry, CallerIdentity caller, CancellationToken ct) =>
        InTransactionAsync(changes => StageAsync(entry, WriteRules.For(caller), changes, ct), ct)!;

    public Task<long> DeleteOrganizationAsync(string id, string etag, CallerIdentity caller, CancellationToken ct) =>
        DeleteAsync(id, etag, caller, EntryShapes.Organization, db.Organizations, async () =>
            await db.Services.AnyAsync(s => s.OrganizationId == id, ct) ? "it still provides services"
            : await db.Locations.AnyAsync(l => l.OrganizationId == id, ct) ? "it still has locations" : null, ct);

    public Task<long> DeleteServiceAsync(string id, string etag, CallerIdentity caller, CancellationToken ct) =>
        DeleteAsync(id, etag, caller, EntryShapes.Service, db.Services, async () =>
            await db.ServicesAtLocation.AnyAsync(s => s.ServiceId == id, ct) ? "it is still offered at a location" : null, ct);

    public Task<long> DeleteLocationAsync(string id, string etag, CallerIdentity caller, CancellationToken ct) =>
        DeleteAsync(id, etag, caller, EntryShapes.Location, db.Locations, async () =>
            await db.ServicesAtLocation.AnyAsync(s => s.LocationId == id, ct) ? "services are still offered there" : null, ct);

    public Task<long> DeleteServiceAtLocationAsync(string id, string etag, CallerIdentity caller, CancellationToken ct) =>
        DeleteAsync(id, etag, caller, EntryShapes.ServiceAtLocation, db.ServicesAtLocation, () => Task.FromResult<string?>(null), ct);

    // ---- building blocks, also used by the seed and the HSDS import to put many entries in one transaction ----

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the write gate, commits, then publishes every change
    /// it staged. Any exception rolls everything back and publishes nothing.
    /// </summary>
    public async Task<TResult> InTransactionAsync<TResult>(Func<List<ChangeRecord>, Task<TResult>> work, CancellationToken ct)
    {
        using var gate = await publisher.EnterWriteAsync(ct);
        var changes = new List<ChangeRecord>();
        TResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                result = await work(changes);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new StaleEtagException("The entry was changed by another writer; read it again.");
            }
            catch (DbUpdateException)
            {
                // A unique-key violation: another writer created the same id first.
                throw new StaleEtagException("The entry was created by another writer; read it again.");
            }
        }
        // Published on the committing thread, still under the gate, so publish order is version order.
        await publisher.PublishAsync(changes.Select(c => c.ToProto()).ToList(), CancellationToken.None);
        return result;
    }

    public Task<Organization?> StageAsync(Organization entry, WriteRules rules, List<ChangeRecord> changes, CancellationToken ct) =>
        StageUpsertAsync(entry, EntryShapes.Organization, db.Organizations, rules, _ => Task.CompletedTask, changes, ct);

    public Task<Service?> StageAsync(Service entry, WriteRules rules, List<ChangeRecord> changes, CancellationToken ct) =>
        StageUpsertAsync(entry, EntryShapes.Service, db.Services, rules, async s =>
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == s.OrganizationId, ct))
                throw new InvalidFieldException("service.organization_id", $"organization '{s.OrganizationId}' does not exist.");
        }, changes, ct);

    public Task<Location?> StageAsync(Location entry, WriteRules rules, List<ChangeRecord> changes, CancellationToken ct) =>
        StageUpsertAsync(entry, EntryShapes.Location, db.Locations, rules, async l =>
        {
            if (l.OrganizationId.Length > 0 && !await db.Organizations.AnyAsync(o => o.Id == l.OrganizationId, ct))
                throw new InvalidFieldException("location.organization_id", $"organization '{l.OrganizationId}' does not exist.");
        }, changes, ct);

    public Task<ServiceAtLocation?> StageAsync(ServiceAtLocation entry, WriteRules rules, List<ChangeRecord> changes, CancellationToken ct) =>
        StageUpsertAsync(entry, EntryShapes.ServiceAtLocation, db.ServicesAtLocation, rules, async s =>
        {
            if (!await db.Services.AnyAsync(x => x.Id == s.ServiceId, ct))
                throw new InvalidFieldException("service_at_location.service_id", $"service '{s.ServiceId}' does not exist.");
            if (!await db.Locations.AnyAsync(x => x.Id == s.LocationId, ct))
                throw new InvalidFieldException("service_at_location.location_id", $"location '{s.LocationId}' does not exist.");
        }, changes, ct);

    /// <summary>
    /// Stages one upsert: etag and ownership checks against the stored row, a change-log row (its autoincrement
    /// key becomes the new etag), then the entry row. Returns the stored copy, or null when
    /// <see cref="WriteRules.SkipUnchanged"/> found nothing to change. The entry must already be validated.
    /// </summary>
    private async Task<T?> StageUpsertAsync<T, TRecord>(T entry, EntryShape<T> shape, DbSet<TRecord> set, WriteRules rules,
        Func<T, Task> checkReferences, List<ChangeRecord> changes, CancellationToken ct)
        where T : class, IMessage<T>, new() where TRecord : EntryRecord<T>, new()
    {
        var id = shape.Id(entry);
        var ownership = shape.Ownership(entry) ?? throw new InvalidFieldException($"{shape.Field}.ownership", "is required.");
        var stored = await set.FindAsync([id], ct);
        if (stored is null)
        {
            if (rules.RequireEtag && shape.Etag(entry).Length > 0)
                throw new StaleEtagException($"'{id}' does not exist (any more); create it with an empty etag.");
        }
        else
        {
            if (rules.RequireEtag && shape.Etag(entry) != stored.Etag)
                throw new StaleEtagException(shape.Etag(entry).Length == 0
                    ? $"'{id}' already exists; send its current etag to update it."
                    : $"'{id}' was changed since etag {shape.Etag(entry)}; read it again.");
            if (rules.Caller is { } c) OwnershipPolicy.EnsureMayChange(c, new Ownership { OrganizationId = stored.OwnerOrganizationId, RegionAgs = stored.OwnerRegionAgs }, id, "stored");
            if (rules.SkipUnchanged && shape.Content(stored.ToProto()).Equals(shape.Content(entry))) return null;
        }
        // The new ownership must pass too, or a record could be handed to another owner to dodge the rule.
        if (rules.Caller is { } caller) OwnershipPolicy.EnsureMayChange(caller, ownership, id, "new");
        await checkReferences(entry);

        var now = clock.GetUtcNow();
        var change = new ChangeRecord { EntityType = shape.Type, EntityId = id, Kind = ChangeKind.Upserted, ChangedAt = now.UtcDateTime };
        db.Changes.Add(change);
        await db.SaveChangesAsync(ct);

        var copy = entry.Clone();
        shape.Stamp(copy, EntryRecord.ToEtag(change.Version), Timestamp.FromDateTimeOffset(now));
        change.Payload = copy.ToByteArray();
        var record = stored ?? set.Add(new TRecord()).Entity;
        record.Store(copy, change.Version, now.UtcDateTime, ownership);
        await db.SaveChangesAsync(ct);
        changes.Add(change);
        return copy;
    }

    private async Task<long> DeleteAsync<T, TRecord>(string id, string etag, CallerIdentity caller, EntryShape<T> shape, DbSet<TRecord> set,
        Func<Task<string?>> blockingDependents, CancellationToken ct)
        where T : class, IMessage<T>, new() where TRecord : EntryRecord<T>, new() =>
        await InTransactionAsync(async changes =>
        {
            var stored = await set.FindAsync([id], ct) ?? throw new EntryNotFoundException($"'{id}' does not exist.");
            if (etag != stored.Etag)
                throw new StaleEtagException(etag.Length == 0 ? $"Send the current etag of '{id}' to delete it." : $"'{id}' was changed since etag {etag}; read it again.");
            OwnershipPolicy.EnsureMayChange(caller, new Ownership { OrganizationId = stored.OwnerOrganizationId, RegionAgs = stored.OwnerRegionAgs }, id, "stored");
            if (await blockingDependents() is { } reason) throw new IntegrityException($"'{id}' cannot be deleted: {reason}.");

            var change = new ChangeRecord { EntityType = shape.Type, EntityId = id, Kind = ChangeKind.Deleted, ChangedAt = clock.GetUtcNow().UtcDateTime };
            db.Changes.Add(change);
            set.Remove(stored);
            await db.SaveChangesAsync(ct);
            changes.Add(change);
            return change.Version;
        }, ct);
}
