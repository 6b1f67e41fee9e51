using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>The gRPC health service names a server answers for, each with the checks behind it.</summary>
public sealed class ServiceMappingCollection : IEnumerable<ServiceMapping>
{
    // Ordered so List answers in the order names were mapped.
    private readonly List<ServiceMapping> _mappings = new();

    public int Count => _mappings.Count;

    /// <summary>Maps <paramref name="name"/> to the checks <paramref name="predicate"/> selects, replacing an earlier mapping.</summary>
    public void Map(string name, Func<HealthCheckRegistration, bool> predicate)
    {
        var mapping = new ServiceMapping(name, predicate);
        var index = _mappings.FindIndex(m => m.Name == name);
        if (index >= 0) _mappings[index] = mapping;
        else _mappings.Add(mapping);
    }

    /// <summary>Maps <paramref name="name"/> to the checks carrying at least one of <paramref name="tags"/>.</summary>
    public void MapTags(string name, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var wanted = tags.ToHashSet(StringComparer.Ordinal);
        Map(name, registration => registration.Tags.Overlaps(wanted));
    }

    public bool Unmap(string name) => _mappings.RemoveAll(m => m.Name == name) > 0;

    public void Clear() => _mappings.Clear();

    public bool TryGet(string name, [NotNullWhen(true)] out ServiceMapping? mapping)
    {
        mapping = _mappings.Find(m => m.Name == name);
        return mapping is not null;
    }

    public IEnumerator<ServiceMapping> GetEnumerator() => _mappings.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
