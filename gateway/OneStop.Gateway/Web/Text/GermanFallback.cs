using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OneStop.Gateway.Web.Text;

/// <summary>
/// Directory text shown in German on a page in another language (no translation for that field). It is wrapped in
/// <c>&lt;bdi lang="de" dir="ltr"&gt;</c>, so screen readers pronounce it as German and, on Arabic pages, its full
/// stop stays at its end instead of jumping to the other side; a short note in the page's language says that the
/// text exists only in German.
/// </summary>
public static class GermanFallback
{
    /// <summary>The text as it is on a German page (or when <paramref name="isGerman"/> is false), else marked and noted.</summary>
    public static IHtmlContent Mark(string text, bool isGerman, UiText t)
    {
        var encoded = HtmlEncoder.Default.Encode(text);
        if (!isGerman || Languages.Current == Languages.Default) return new HtmlString(encoded);
        var note = HtmlEncoder.Default.Encode(t["service.inGermanOnly"]);
        return new HtmlString($"<bdi lang=\"de\" dir=\"ltr\">{encoded}</bdi> <small class=\"german-only\">{note}</small>");
    }
}
