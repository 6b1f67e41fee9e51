using Google.Protobuf.Collections;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// Puts a record's texts into the caller's language. The base fields are German; a translation in the requested
/// language replaces them field by field, and a field the translation leaves empty stays German, so a reader never
/// sees a blank. The translations list is kept as it is (clients need it for the text direction, e.g. Arabic RTL).
/// Always returns a clone: the input may be a shared snapshot.
/// </summary>
public static class Localizer
{
    /// <summary>The German base language of every record.</summary>
    public const string BaseLanguage = "de";

    public static Service Localize(Service service, string? language)
    {
        ArgumentNullException.ThrowIfNull(service);
        var clone = service.Clone();
        if (Find(service.Translations, language) is { } translation)
        {
            clone.Name = Prefer(translation.Name, service.Name);
            clone.Description = Prefer(translation.Description, service.Description);
            clone.ApplicationProcess = Prefer(translation.ApplicationProcess, service.ApplicationProcess);
        }
        return clone;
    }

    public static Organization Localize(Organization organization, string? language)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var clone = organization.Clone();
        if (Find(organization.Translations, language) is { } translation)
        {
            clone.Name = Prefer(translation.Name, organization.Name);
            clone.Description = Prefer(translation.Description, organization.Description);
        }
        return clone;
    }

    public static Location Localize(Location location, string? language)
    {
        ArgumentNullException.ThrowIfNull(location);
        var clone = location.Clone();
        if (Find(location.Translations, language) is { } translation)
        {
            clone.Name = Prefer(translation.Name, location.Name);
            clone.Description = Prefer(translation.Description, location.Description);
        }
        return clone;
    }

    /// <summary>
    /// The translation for <paramref name="language"/>: an exact tag match first ("pt-BR"), then the primary
    /// language ("ar-SY" finds "ar"). Null for German or an unknown language, meaning: keep the German base texts.
    /// </summary>
    public static Translation? Find(RepeatedField<Translation> translations, string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }
        var requested = language.Trim();
        var primary = PrimarySubtag(requested);
        if (primary.Equals(BaseLanguage, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        Translation? primaryMatch = null;
        foreach (var translation in translations)
        {
            if (translation.Language.Equals(requested, StringComparison.OrdinalIgnoreCase))
            {
                return translation;
            }
            if (primaryMatch is null && PrimarySubtag(translation.Language).Equals(primary, StringComparison.OrdinalIgnoreCase))
            {
                primaryMatch = translation;
            }
        }
        return primaryMatch;
    }

    private static string PrimarySubtag(string tag)
    {
        var dash = tag.IndexOfAny(['-', '_']);
        return dash < 0 ? tag : tag[..dash];
    }

    private static string Prefer(string translated, string german) => string.IsNullOrEmpty(translated) ? german : translated;
}
