using System.Globalization;

namespace OneStop.Gateway.Web.Text;

/// <summary>
/// Every UI string of the web front in the four languages, looked up by key in the current request's language.
/// One typed table instead of four resx files: a string cannot exist in one language only, because an entry
/// takes all four (see <see cref="UiStrings"/>). A missing key shows as the key itself, so it is noticed.
/// </summary>
public sealed class UiText
{
    public string this[string key] => Get(key, Languages.Current);

    /// <summary>The entry with <paramref name="arguments"/> placed into its {0}, {1}, … in the current culture.</summary>
    public string this[string key, params object[] arguments] => string.Format(CultureInfo.CurrentCulture, this[key], arguments);

    /// <summary>
    /// A counted string of <see cref="PluralStrings"/> in the form the current language's plural rules choose for
    /// <paramref name="count"/> ("1 Angebot", "تم العثور على خدمتين", "Знайдено 21 послугу").
    /// </summary>
    public string Count(string key, long count) => Count(key, count, Languages.Current);

    public static string Count(string key, long count, string language)
    {
        if (!PluralStrings.Table.TryGetValue(key, out var entry)) return key;
        var forms = entry.In(language);
        var text = forms.TryGetValue(PluralRules.For(language, count), out var form) ? form : forms[PluralCategory.Other];
        return string.Format(CultureInfo.GetCultureInfo(language), text, count);
    }

    /// <summary>A key that may not exist (e.g. "type.&lt;id&gt;"): its text, else <paramref name="fallback"/>.</summary>
    public string Or(string key, string fallback) => UiStrings.Table.ContainsKey(key) ? this[key] : fallback;

    /// <summary>
    /// A language's name (ISO 639 code, as the directory lists it) in the current language: the table's own name for
    /// the common ones, else the platform's (ICU) name in the request's UI culture, so a service offered in Polish
    /// reads "Polnisch" rather than "pl"; an unknown code stays as it is.
    /// </summary>
    public string LanguageName(string code)
    {
        if (UiStrings.Table.ContainsKey("lang." + code)) return this["lang." + code];
        try
        {
            return CultureInfo.GetCultureInfo(code, predefinedOnly: true).DisplayName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>Joins list items with the language's comma (Arabic has its own: "،").</summary>
    public string List(IEnumerable<string> items) => string.Join(Languages.Current == "ar" ? "، " : ", ", items);

    public static string Get(string key, string language) =>
        UiStrings.Table.TryGetValue(key, out var entry) ? entry.In(language) : key;
}

/// <summary>One UI string in German, English, Arabic and Ukrainian.</summary>
public sealed record Entry(string De, string En, string Ar, string Uk)
{
    public string In(string language) => language switch
    {
        "en" => En,
        "ar" => Ar,
        "uk" => Uk,
        _ => De,
    };
}
