using Google.Protobuf;
using OneStop.Directory.V1;

namespace OneStop.Directory.Data;

/// <summary>
/// One stored directory entry. The protobuf message in <see cref="Payload"/> is the shape of the entry; the columns
/// exist only for what the database must see: ownership checks, optimistic concurrency and queries.
/// </summary>
public abstract class EntryRecord
{
    public string Id { get; set; } = "";

    /// <summary>ownership.organization_id: who may change the entry.</summary>
    public string OwnerOrganizationId { get; set; } = "";

    /// <summary>ownership.region_ags: the Kreis (5 digits) or Gemeinde (8 digits) the entry belongs to.</summary>
    public string OwnerRegionAgs { get; set; } = "";

    /// <summary>The change-log version of the last write; the etag is its decimal string. EF concurrency token.</summary>
    public long Version { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    public byte[] Payload { get; set; } = [];

    public string Etag => ToEtag(Version);

    public static string ToEtag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An entry whose payload is a <typeparamref name="TProto"/>; subclasses copy the columns they need from it.</summary>
public abstract class EntryRecord<TProto> : EntryRecord where TProto : IMessage<TProto>, new()
{
    private static readonly MessageParser<TProto> Parser = new(() => new TProto());

    public TProto ToProto() => Parser.ParseFrom(Payload);

    /// <summary>Stores <paramref name="entry"/> (already stamped with etag and last_modified) and its columns.</summary>
    public void Store(TProto entry, long version, DateTime lastModifiedUtc, Ownership ownership)
    {
        Version = version;
        LastModified = lastModifiedUtc;
        OwnerOrganizationId = ownership.OrganizationId;
        OwnerRegionAgs = ownership.RegionAgs;
        Payload = entry.ToByteArray();
        CopyColumns(entry);
    }

    protected abstract void CopyColumns(TProto entry);
}
