using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// Which region codes cover a Gemeinde: the Gemeinde itself, its Kreis (first 5 AGS digits), its Land (first 2)
/// and every ancestor in the region tree (e.g. a Planungsraum). A service area listing any of them covers the Gemeinde.
/// </summary>
internal sealed class RegionAncestry
{
    private const int MaxDepth = 8; // guards against a cycle in bad region data

    private readonly Dictionary<string, string> _parentOf;

    private RegionAncestry(Dictionary<string, string> parentOf) => _parentOf = parentOf;

    public static RegionAncestry Build(IEnumerable<Region> regions)
    {
        var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            if (region.Ags.Length > 0 && region.ParentAgs.Length > 0)
            {
                parentOf[region.Ags] = region.ParentAgs;
            }
        }
        return new RegionAncestry(parentOf);
    }

    /// <summary>The codes that cover <paramref name="municipalityAgs"/>, the code itself first.</summary>
    public string[] CoveringCodes(string municipalityAgs)
    {
        var codes = new List<string>(6);
        Add(codes, municipalityAgs);
        if (municipalityAgs.Length >= 5)
        {
            Add(codes, municipalityAgs[..5]);
        }
        if (municipalityAgs.Length >= 2)
        {
            Add(codes, municipalityAgs[..2]);
        }
        var current = municipalityAgs;
        for (var depth = 0; depth < MaxDepth && _parentOf.TryGetValue(current, out var parent); depth++)
        {
            Add(codes, parent);
            current = parent;
        }
        return codes.ToArray();
    }

    private static void Add(List<string> codes, string code)
    {
        if (code.Length > 0 && !codes.Contains(code))
        {
            codes.Add(code);
        }
    }
}
