namespace OneStop.Gateway.Web.Text;

/// <summary>
/// UI strings that contain a count, one text per CLDR plural category of each language (see <see cref="PluralRules"/>):
/// German and English one/other, Arabic zero/one/two/few/many/other, Ukrainian one/few/many/other. Read through
/// <see cref="UiText.Count"/>; {0} is the number (a form may leave it out, as Arabic does for one and two).
/// </summary>
public static class PluralStrings
{
    public static readonly IReadOnlyDictionary<string, PluralEntry> Table = new Dictionary<string, PluralEntry>(StringComparer.Ordinal)
    {
        ["search.results"] = new(
            De: new() { [PluralCategory.One] = "{0} Angebot gefunden", [PluralCategory.Other] = "{0} Angebote gefunden" },
            En: new() { [PluralCategory.One] = "{0} service found", [PluralCategory.Other] = "{0} services found" },
            Ar: new()
            {
                [PluralCategory.Zero] = "لم يتم العثور على أي خدمة",
                [PluralCategory.One] = "تم العثور على خدمة واحدة",
                [PluralCategory.Two] = "تم العثور على خدمتين",
                [PluralCategory.Few] = "تم العثور على {0} خدمات",
                [PluralCategory.Many] = "تم العثور على {0} خدمة",
                [PluralCategory.Other] = "تم العثور على {0} خدمة",
            },
            Uk: new()
            {
                [PluralCategory.One] = "Знайдено {0} послугу",
                [PluralCategory.Few] = "Знайдено {0} послуги",
                [PluralCategory.Many] = "Знайдено {0} послуг",
                [PluralCategory.Other] = "Знайдено {0} послуги",
            }),
    };

    /// <summary>The categories each language's rules can give for whole numbers: every one needs a text.</summary>
    public static readonly IReadOnlyDictionary<string, PluralCategory[]> Categories = new Dictionary<string, PluralCategory[]>
    {
        ["de"] = [PluralCategory.One, PluralCategory.Other],
        ["en"] = [PluralCategory.One, PluralCategory.Other],
        ["ar"] = [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
        ["uk"] = [PluralCategory.One, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
    };
}

/// <summary>One counted UI string: per language, a text per plural category.</summary>
public sealed record PluralEntry(
    Dictionary<PluralCategory, string> De,
    Dictionary<PluralCategory, string> En,
    Dictionary<PluralCategory, string> Ar,
    Dictionary<PluralCategory, string> Uk)
{
    public IReadOnlyDictionary<PluralCategory, string> In(string language) => language switch
    {
        "en" => En,
        "ar" => Ar,
        "uk" => Uk,
        _ => De,
    };
}
