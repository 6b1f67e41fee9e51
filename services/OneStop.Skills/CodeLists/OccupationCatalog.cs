using System.Collections.Frozen;
using OneStop.Skills.V1;

namespace OneStop.Skills.CodeLists;

/// <summary>
/// The KldB 2010 occupations the service knows (a subset, CodeLists/kldb2010-subset.csv) with their ESCO link,
/// labels, whether the occupation is regulated in Germany, and whether it is a shortage occupation. Loaded once.
/// </summary>
public sealed class OccupationCatalog
{
    public const string FileName = "kldb2010-subset.csv";

    private readonly FrozenDictionary<string, Occupation> _byCode;

    public OccupationCatalog(IEnumerable<Occupation> occupations)
    {
        All = occupations.OrderBy(o => o.KldbCode, StringComparer.Ordinal).ToList();
        _byCode = All.ToFrozenDictionary(o => o.KldbCode, StringComparer.Ordinal);
    }

    public IReadOnlyList<Occupation> All { get; }

    public Occupation? Find(string kldbCode) => _byCode.GetValueOrDefault(kldbCode);

    /// <summary>
    /// The level an occupation asks for, from KldB's fifth digit (Anforderungsniveau: 1 helper, 2 skilled, 3
    /// specialist, 4 expert) mapped to DQR (helper 2, skilled 4, specialist 6, expert 7).
    /// </summary>
    public static int DqrOf(string kldbCode) => kldbCode.Length == 5 ? kldbCode[4] switch
    {
        '1' => 2,
        '2' => 4,
        '3' => 6,
        '4' => 7,
        _ => 0,
    } : 0;

    /// <summary>Reads the CSV shipped next to the service (semicolon-separated, '#' comments, header line).</summary>
    public static OccupationCatalog Load(string path)
    {
        var occupations = new List<Occupation>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("kldb;", StringComparison.Ordinal)) continue;
            var f = line.Split(';');
            if (f.Length != 7) throw new InvalidDataException($"{path}: expected 7 fields in \"{line}\".");
            occupations.Add(new Occupation
            {
                KldbCode = f[0],
                EscoUri = f[1],
                LabelDe = f[2],
                LabelEn = f[3],
                Regulated = f[4] == "1",
                Shortage = f[5] == "1",
                Field = f[6],
            });
        }
        return new OccupationCatalog(occupations);
    }
}
