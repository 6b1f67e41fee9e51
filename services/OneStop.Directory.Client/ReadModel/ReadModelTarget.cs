using Google.Protobuf;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client;

/// <summary>What one <see cref="Change"/> does to the read model: which key, which bytes (null: delete), which invalidation.</summary>
internal readonly record struct ReadModelTarget(string Entity, string Id, string? Key, byte[]? Value)
{
    public static ReadModelTarget Of(Change change)
    {
        var upsert = change.Kind == ChangeKind.Upserted;
        return change.EntityType switch
        {
            EntityType.Service => ForEntity(DirectoryKeys.ServiceEntity, IdOf(change, change.Service?.Id), DirectoryKeys.Service,
                upsert, change.Service),
            EntityType.Organization => ForEntity(DirectoryKeys.OrganizationEntity, IdOf(change, change.Organization?.Id), DirectoryKeys.Organization,
                upsert, change.Organization),
            EntityType.Location => ForEntity(DirectoryKeys.LocationEntity, IdOf(change, change.Location?.Id), DirectoryKeys.Location,
                upsert, change.Location),
            // Not cached as an entity of its own; the invalidation still carries the version to every client.
            EntityType.ServiceAtLocation => new ReadModelTarget("service_at_location", IdOf(change, change.ServiceAtLocation?.Id), null, null),
            _ => throw new ArgumentException($"Change {change.Version} has no entity type", nameof(change)),
        };
    }

    private static ReadModelTarget ForEntity(string entity, string id, Func<string, string> key, bool upsert, IMessage? state)
    {
        if (id.Length == 0) throw new ArgumentException($"A {entity} change without an id");
        // An upsert must carry the new state; one without it cannot be written (only repaired by a rebuild), and
        // must not be mistaken for a deletion.
        if (upsert && state is null) throw new ArgumentException($"The upsert of {entity} {id} carries no {entity}");
        return new ReadModelTarget(entity, id, key(id), upsert ? state!.ToByteArray() : null);
    }

    private static string IdOf(Change change, string? entityId) => change.Id.Length > 0 ? change.Id : entityId ?? "";
}
