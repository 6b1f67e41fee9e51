using OneStop.Directory.V1;

namespace OneStop.Directory.Data.Seed;

/// <summary>
/// The region tree of the demo county, modelled on Kreis Lippe (Land NRW, Regierungsbezirk Detmold): Land → Kreis →
/// Planungsraum → Gemeinde. The 16 Gemeinde AGS are the official ones (Kreis 05766, numbered alphabetically in
/// steps of 4). The three Planungsräume are an illustrative grouping; a Planungsraum has no AGS, so its key is
/// "05766-" plus a name. The Regierungsbezirk (057) is left out: the contract has no level for it.
/// </summary>
public static class DemoRegions
{
    public const string LandAgs = "05";
    public const string KreisAgs = "05766";
    public const string PlanungsraumNordOst = "05766-PR-NORDOST";
    public const string PlanungsraumWest = "05766-PR-WEST";
    public const string PlanungsraumSued = "05766-PR-SUED";

    public const string Augustdorf = "05766004";
    public const string BadSalzuflen = "05766008";
    public const string Barntrup = "05766012";
    public const string Blomberg = "05766016";
    public const string Detmold = "05766020";
    public const string Doerentrup = "05766024";
    public const string Extertal = "05766028";
    public const string HornBadMeinberg = "05766032";
    public const string Kalletal = "05766036";
    public const string Lage = "05766040";
    public const string Lemgo = "05766044";
    public const string Leopoldshoehe = "05766048";
    public const string Luegde = "05766052";
    public const string Oerlinghausen = "05766056";
    public const string SchiederSchwalenberg = "05766060";
    public const string Schlangen = "05766064";

    /// <summary>Gemeinden of the north-east (around Lemgo).</summary>
    public static readonly string[] NordOst = [Lemgo, Barntrup, Doerentrup, Extertal, Kalletal];

    /// <summary>Gemeinden of the west (around Bad Salzuflen and Lage).</summary>
    public static readonly string[] West = [BadSalzuflen, Lage, Leopoldshoehe, Oerlinghausen, Augustdorf];

    /// <summary>Gemeinden of the south (around Detmold).</summary>
    public static readonly string[] Sued = [Detmold, HornBadMeinberg, Blomberg, Luegde, SchiederSchwalenberg, Schlangen];

    public static IReadOnlyList<Region> Create()
    {
        var regions = new List<Region>
        {
            new() { Ags = LandAgs, Name = "Nordrhein-Westfalen", Level = RegionLevel.Land },
            new() { Ags = KreisAgs, Name = "Kreis Lippe", Level = RegionLevel.Kreis, ParentAgs = LandAgs },
            new() { Ags = PlanungsraumNordOst, Name = "Planungsraum Nord-Ost", Level = RegionLevel.Planungsraum, ParentAgs = KreisAgs },
            new() { Ags = PlanungsraumWest, Name = "Planungsraum West", Level = RegionLevel.Planungsraum, ParentAgs = KreisAgs },
            new() { Ags = PlanungsraumSued, Name = "Planungsraum Süd", Level = RegionLevel.Planungsraum, ParentAgs = KreisAgs },
        };
        (string Ags, string Name, string Planungsraum)[] gemeinden =
        [
            (Augustdorf, "Augustdorf", PlanungsraumWest),
            (BadSalzuflen, "Bad Salzuflen", PlanungsraumWest),
            (Barntrup, "Barntrup", PlanungsraumNordOst),
            (Blomberg, "Blomberg", PlanungsraumSued),
            (Detmold, "Detmold", PlanungsraumSued),
            (Doerentrup, "Dörentrup", PlanungsraumNordOst),
            (Extertal, "Extertal", PlanungsraumNordOst),
            (HornBadMeinberg, "Horn-Bad Meinberg", PlanungsraumSued),
            (Kalletal, "Kalletal", PlanungsraumNordOst),
            (Lage, "Lage", PlanungsraumWest),
            (Lemgo, "Lemgo", PlanungsraumNordOst),
            (Leopoldshoehe, "Leopoldshöhe", PlanungsraumWest),
            (Luegde, "Lügde", PlanungsraumSued),
            (Oerlinghausen, "Oerlinghausen", PlanungsraumWest),
            (SchiederSchwalenberg, "Schieder-Schwalenberg", PlanungsraumSued),
            (Schlangen, "Schlangen", PlanungsraumSued),
        ];
        foreach (var (ags, name, planungsraum) in gemeinden)
        {
            regions.Add(new Region { Ags = ags, Name = name, Level = RegionLevel.Gemeinde, ParentAgs = planungsraum });
        }
        return regions;
    }
}
