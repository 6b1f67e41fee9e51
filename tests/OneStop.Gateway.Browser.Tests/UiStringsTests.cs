using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>The string table behind every page: complete in all four languages, with the same placeholders in each.</summary>
public sealed partial class UiStringsTests
{
    [Fact]
    public void Every_entry_has_text_in_all_four_languages_with_the_same_placeholders()
    {
        foreach (var (key, entry) in UiStrings.Table)
        {
            string[] texts = [entry.De, entry.En, entry.Ar, entry.Uk];
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), key));
            var placeholders = texts.Select(t => string.Join(",", Placeholder().Matches(t).Select(m => m.Value).Order())).Distinct().ToList();
            Assert.True(placeholders.Count == 1, $"{key}: placeholders differ between languages");
        }
        // Arabic entries are Arabic script (brand names aside), Ukrainian entries Cyrillic.
        Assert.All(UiStrings.Table, e =>
        {
            Assert.Matches(@"\p{IsArabic}", e.Value.Ar);
            Assert.Matches(@"\p{IsCyrillic}", e.Value.Uk);
        });
    }

    [Theory]
    [InlineData("de", "de", "Deutsch")]
    [InlineData("ar", "en", "Arabic")]
    [InlineData("pl", "de", "Polnisch")]
    [InlineData("pl", "en", "Polish")]
    [InlineData("pl", "ar", "البولندية")]
    [InlineData("ro", "uk", "румунська")]
    [InlineData("xx-nowhere", "de", "xx-nowhere")]
    public void A_language_is_named_in_the_page_language_also_beyond_the_table(string code, string pageLanguage, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(pageLanguage); // as request localization sets it
            Assert.Equal(expected, new UiText().LanguageName(code));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
