using System.Globalization;

namespace OneStop.Directory.Client;

/// <summary>
/// One message on <see cref="DirectoryKeys.InvalidationChannel"/>: "{version} {entity} {id}". A plain text format so
/// that services in other languages, and redis-cli, can read and send it.
/// </summary>
/// <param name="Version">The directory change version that caused it.</param>
/// <param name="Entity">"service", "organization", "location", or "*" (drop everything). Clients ignore other entities.</param>
/// <param name="Id">The entity id, or "*" together with entity "*".</param>
public readonly record struct DirectoryInvalidation(long Version, string Entity, string Id)
{
    public bool IsAll => Entity == DirectoryKeys.All;

    public static DirectoryInvalidation All(long version) => new(version, DirectoryKeys.All, DirectoryKeys.All);

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Version} {Entity} {Id}");

    /// <summary>Parses a payload; false for anything malformed (a foreign publisher must not break clients).</summary>
    public static bool TryParse(string? payload, out DirectoryInvalidation invalidation)
    {
        invalidation = default;
        if (string.IsNullOrEmpty(payload)) return false;
        var span = payload.AsSpan();
        var first = span.IndexOf(' ');
        if (first <= 0) return false;
        var rest = span[(first + 1)..];
        var second = rest.IndexOf(' ');
        // Ids may not contain spaces in practice, but splitting only twice keeps any id intact.
        if (second <= 0 || second == rest.Length - 1) return false;
        if (!long.TryParse(span[..first], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        invalidation = new DirectoryInvalidation(version, rest[..second].ToString(), rest[(second + 1)..].ToString());
        return true;
    }
}
