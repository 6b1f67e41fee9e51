using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain;

/// <summary>
/// The parts every directory entry has (id, ownership, etag, last_modified), read and written the same way for all
/// four entry messages, so one write path serves them all. Generated messages share no interface, hence lambdas.
/// </summary>
public sealed record EntryShape<T>(
    EntityType Type,
    string Field,
    Func<T, string> Id,
    Func<T, Ownership?> Ownership,
    Func<T, string> Etag,
    Action<T, string, Timestamp?> Stamp,
    Action<Change, T> Attach) where T : IMessage<T>
{
    /// <summary>A copy without etag and last_modified: what a writer actually said, for "nothing changed" checks.</summary>
    public T Content(T entry)
    {
        var copy = entry.Clone();
        Stamp(copy, "", null);
        return copy;
    }
}

public static class EntryShapes
{
    public static readonly EntryShape<Organization> Organization = new(
        EntityType.Organization, "organization", o => o.Id, o => o.Ownership, o => o.Etag,
        (o, etag, at) => { o.Etag = etag; o.LastModified = at; }, (c, o) => c.Organization = o);

    public static readonly EntryShape<Service> Service = new(
        EntityType.Service, "service", s => s.Id, s => s.Ownership, s => s.Etag,
        (s, etag, at) => { s.Etag = etag; s.LastModified = at; }, (c, s) => c.Service = s);

    public static readonly EntryShape<Location> Location = new(
        EntityType.Location, "location", l => l.Id, l => l.Ownership, l => l.Etag,
        (l, etag, at) => { l.Etag = etag; l.LastModified = at; }, (c, l) => c.Location = l);

    public static readonly EntryShape<ServiceAtLocation> ServiceAtLocation = new(
        EntityType.ServiceAtLocation, "service_at_location", s => s.Id, s => s.Ownership, s => s.Etag,
        (s, etag, at) => { s.Etag = etag; s.LastModified = at; }, (c, s) => c.ServiceAtLocation = s);
}
