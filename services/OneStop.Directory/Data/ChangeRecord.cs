using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;

namespace OneStop.Directory.Data;

/// <summary>
/// One row of the change log: one committed write. <see cref="Version"/> is the autoincrement key, so versions are
/// directory-wide and strictly increasing; entries' etags are the version of their last change.
/// </summary>
public sealed class ChangeRecord
{
    public long Version { get; set; }
    public EntityType EntityType { get; set; }
    public string EntityId { get; set; } = "";
    public ChangeKind Kind { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The entry as stored by this change (protobuf); null for deletions.</summary>
    public byte[]? Payload { get; set; }

    public Change ToProto()
    {
        var change = new Change
        {
            Version = Version,
            EntityType = EntityType,
            Id = EntityId,
            Kind = Kind,
            ChangedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(ChangedAt, DateTimeKind.Utc)),
        };
        if (Payload is null) return change;
        switch (EntityType)
        {
            case EntityType.Organization: change.Organization = Organization.Parser.ParseFrom(Payload); break;
            case EntityType.Service: change.Service = Service.Parser.ParseFrom(Payload); break;
            case EntityType.Location: change.Location = Location.Parser.ParseFrom(Payload); break;
            case EntityType.ServiceAtLocation: change.ServiceAtLocation = ServiceAtLocation.Parser.ParseFrom(Payload); break;
        }
        return change;
    }
}
