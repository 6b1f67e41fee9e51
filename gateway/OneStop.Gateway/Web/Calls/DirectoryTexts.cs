using OneStop.Directory.V1;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// Directory entities carry all translations; this picks the current language's text and falls back to the German
/// base fields, field by field (a translation may have a name but no description).
/// </summary>
public static class DirectoryTexts
{
    public static Translation For(IEnumerable<Translation> translations, string language, string name, string description,
        string applicationProcess = "")
    {
        var match = translations.FirstOrDefault(t => t.Language == language);
        return new Translation
        {
            Language = match is null ? Languages.Default : language,
            Name = Pick(match?.Name, name),
            Description = Pick(match?.Description, description),
            ApplicationProcess = Pick(match?.ApplicationProcess, applicationProcess),
            TextDirection = match?.TextDirection ?? TextDirection.Ltr,
        };
    }

    public static Translation For(Service s, string language) => For(s.Translations, language, s.Name, s.Description, s.ApplicationProcess);

    public static string Name(Organization o, string language) => For(o.Translations, language, o.Name, o.Description).Name;

    public static string Name(Location l, string language) => For(l.Translations, language, l.Name, l.Description).Name;

    private static string Pick(string? translated, string german) => string.IsNullOrWhiteSpace(translated) ? german : translated;
}
