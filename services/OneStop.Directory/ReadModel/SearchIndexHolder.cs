using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Directory.ReadModel;

/// <summary>
/// Keeps the current <see cref="ServiceSearchIndex"/> snapshot. Loaded from the database at start-up, then kept
/// current from committed changes (no database read per write): the services and organizations the index needs
/// are held here, and a new snapshot is swapped in after each change. Searches read <see cref="Current"/> lock-free.
/// </summary>
public sealed class SearchIndexHolder
{
    private readonly Dictionary<string, Service> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Organization> _organizations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Region[] _regions = [];
    private volatile ServiceSearchIndex _current = ServiceSearchIndex.Empty;

    public ServiceSearchIndex Current => _current;

    public void Load(IEnumerable<Service> services, IEnumerable<Organization> organizations, IEnumerable<Region> regions)
    {
        lock (_gate)
        {
            _services.Clear();
            _organizations.Clear();
            foreach (var s in services) _services[s.Id] = s;
            foreach (var o in organizations) _organizations[o.Id] = o;
            _regions = regions.ToArray();
            Rebuild();
        }
    }

    /// <summary>Applies committed changes; only service and organization changes affect the index.</summary>
    public void Apply(IReadOnlyCollection<Change> changes)
    {
        lock (_gate)
        {
            var touched = false;
            foreach (var change in changes)
            {
                touched |= change.EntityType switch
                {
                    EntityType.Service => Put(_services, change.Id, change.Service),
                    EntityType.Organization => Put(_organizations, change.Id, change.Organization),
                    _ => false,
                };
            }
            if (touched) Rebuild();
        }
    }

    private static bool Put<T>(Dictionary<string, T> map, string id, T? entry) where T : class
    {
        if (entry is null) map.Remove(id);
        else map[id] = entry;
        return true;
    }

    private void Rebuild() => _current = ServiceSearchIndex.Build(_services.Values, _organizations.Values, _regions);
}
