using OneStop.Directory.V1;

namespace OneStop.Directory.Data;

/// <summary>A region of the county (Land, Kreis, Planungsraum, Gemeinde). Reference data: written by the seed only.</summary>
public sealed class RegionRecord
{
    public string Ags { get; set; } = "";
    public string Name { get; set; } = "";
    public RegionLevel Level { get; set; }
    public string ParentAgs { get; set; } = "";

    public Region ToProto() => new() { Ags = Ags, Name = Name, Level = Level, ParentAgs = ParentAgs };
}
