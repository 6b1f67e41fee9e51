using System.Globalization;

namespace OneStop.Gateway.Web;

/// <summary>The four languages of the web front. German is the default and the fallback of every directory text.</summary>
public static class Languages
{
    public const string Default = "de";

    /// <summary>In the order the language switcher shows them; each named in its own language.</summary>
    public static readonly IReadOnlyList<(string Code, string NativeName)> All =
    [
        ("de", "Deutsch"),
        ("en", "English"),
        ("ar", "العربية"),
        ("uk", "Українська"),
    ];

    public static readonly string[] Codes = [.. All.Select(l => l.Code)];

    /// <summary>The current request's language ("de", "en", "ar" or "uk"), from the request culture.</summary>
    public static string Current
    {
        get
        {
            var code = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return Codes.Contains(code) ? code : Default;
        }
    }

    public static bool IsRightToLeft(string code) => code == "ar";
}
