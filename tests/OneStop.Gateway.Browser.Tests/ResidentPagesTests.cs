using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>What a resident meets on the public pages in their own language: search, counts, German fallback text.</summary>
[Collection(WebFrontCollection.Name)]
public sealed class ResidentPagesTests(WebFrontSuite suite)
{
    [Fact(Timeout = 120_000)]
    public async Task German_fallback_fields_on_an_arabic_page_are_marked_german_left_to_right_with_a_note()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/services/svc-vhs-integrationskurse?culture=ar");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        // The name and description are translated: no marking there.
        Assert.Equal(0, await page.Locator("article bdi[lang=de]").CountAsync());

        // Eligibility and fees exist only in German.
        var facts = page.Locator("dl.facts dd bdi[lang=de][dir=ltr]");
        var texts = await facts.AllInnerTextsAsync();
        Assert.Contains("Mit Berechtigung oder Verpflichtung durch BAMF, Ausländerbehörde oder Jobcenter.", texts);
        Assert.Contains("Kostenbeitrag 2,29 Euro je Unterrichtsstunde; Befreiung möglich.", texts);
        Assert.Equal(2, await page.Locator("dl.facts dd .german-only").CountAsync());
        Assert.Equal("(متوفر باللغة الألمانية فقط)", await page.Locator("dl.facts dd .german-only").First.InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "public-service-arabic-german-fallback");

        // On the German page nothing is marked.
        await page.GotoAsync("/services/svc-vhs-integrationskurse?culture=de");
        Assert.Equal(0, await page.Locator("bdi[lang=de], .german-only").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_results_heading_counts_in_the_page_language_plural_forms()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/?q=Sprachkurs&culture=ar");
        Assert.Equal("تم العثور على خدمتين", await page.Locator("#results-heading").InnerTextAsync());
        await page.GotoAsync("/?q=Raumfahrt&culture=ar");
        Assert.Equal("لم يتم العثور على أي خدمة", await page.Locator("#results-heading").InnerTextAsync());
        await page.GotoAsync("/?q=Sprachkurs&culture=uk");
        Assert.Equal("Знайдено 2 послуги", await page.Locator("#results-heading").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Arabic_free_text_finds_the_language_courses_the_german_word_finds()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/?q=Sprachkurs");
        var german = await page.Locator(".results .card h3 a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.Equal(2, german.Length);

        await page.GotoAsync("/?q=" + Uri.EscapeDataString("دورة لغة") + "&culture=ar");
        var arabic = await page.Locator(".results .card h3 a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.All(german, href => Assert.Contains(href, arabic));
        await page.Context.CloseAsync();
    }
}
