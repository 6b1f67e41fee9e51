using System.Text.RegularExpressions;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>Counts follow each language's CLDR plural rules (Arabic six forms, Ukrainian four, German and English two).</summary>
public sealed partial class PluralTests
{
    [Theory]
    [InlineData(0, "لم يتم العثور على أي خدمة")]
    [InlineData(1, "تم العثور على خدمة واحدة")]
    [InlineData(2, "تم العثور على خدمتين")]
    [InlineData(3, "تم العثور على 3 خدمات")]
    [InlineData(10, "تم العثور على 10 خدمات")]
    [InlineData(11, "تم العثور على 11 خدمة")]
    [InlineData(100, "تم العثور على 100 خدمة")]
    [InlineData(103, "تم العثور على 103 خدمات")]
    public void The_arabic_results_heading_has_the_form_of_the_count(long count, string expected)
    {
        Assert.Equal(expected, UiText.Count("search.results", count, "ar"));
    }

    [Theory]
    [InlineData(1, "Знайдено 1 послугу")]
    [InlineData(2, "Знайдено 2 послуги")]
    [InlineData(5, "Знайдено 5 послуг")]
    [InlineData(11, "Знайдено 11 послуг")]
    [InlineData(12, "Знайдено 12 послуг")]
    [InlineData(21, "Знайдено 21 послугу")]
    [InlineData(22, "Знайдено 22 послуги")]
    public void The_ukrainian_results_heading_has_the_form_of_the_count(long count, string expected)
    {
        Assert.Equal(expected, UiText.Count("search.results", count, "uk"));
    }

    [Theory]
    [InlineData("de", 1, "1 Angebot gefunden")]
    [InlineData("de", 0, "0 Angebote gefunden")]
    [InlineData("en", 1, "1 service found")]
    [InlineData("en", 4, "4 services found")]
    public void German_and_english_have_one_and_other(string language, long count, string expected)
    {
        Assert.Equal(expected, UiText.Count("search.results", count, language));
    }

    [Fact]
    public void Every_counted_entry_has_every_category_of_every_language_and_the_number_where_it_is_needed()
    {
        foreach (var (key, entry) in PluralStrings.Table)
        {
            foreach (var (language, categories) in PluralStrings.Categories)
            {
                var forms = entry.In(language);
                Assert.All(categories, c => Assert.False(string.IsNullOrWhiteSpace(forms.GetValueOrDefault(c)), $"{key} {language} {c}"));
                // Only Arabic may leave the number out, in its zero, one and two forms (the form says the number).
                Assert.All(forms.Where(f => !(language == "ar" && f.Key is PluralCategory.Zero or PluralCategory.One or PluralCategory.Two)),
                    f => Assert.Matches(Number(), f.Value));
            }
        }
    }

    [GeneratedRegex(@"\{0\}")]
    private static partial Regex Number();
}
