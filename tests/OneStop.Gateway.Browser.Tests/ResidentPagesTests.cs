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

    [Fact(Timeout = 180_000)]
    public async Task Public_requests_offer_other_days_and_only_times_within_the_published_opening_hours()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/services/svc-wc-ankommen/appointment");
        // The Welcome Center publishes Monday to Thursday 09:00–15:00 (its calendar starts at 08:30 and has Fridays).
        Assert.Contains("09:00–15:00", await page.Locator("#published-hours").InnerTextAsync());
        var firstDay = await AssertSlotsWithinHoursAsync(page);
        Assert.NotNull(firstDay);

        // The next days, one by one, until another day with free times (bounded: a week).
        string? otherDay = null;
        for (var i = 0; i < 7 && otherDay is null; i++)
        {
            await page.Locator("#next-day").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"\?day=\d{4}-\d\d-\d\d$"));
            otherDay = await AssertSlotsWithinHoursAsync(page);
        }
        Assert.NotNull(otherDay);
        Assert.NotEqual(firstDay, otherDay);
        await WebFrontSuite.ScreenshotAsync(page, "public-appointment-other-day");

        // The date field picks a day directly; a day the service is closed says so.
        var sunday = DateTime.Parse(otherDay!, System.Globalization.CultureInfo.InvariantCulture);
        while (sunday.DayOfWeek != DayOfWeek.Sunday) sunday = sunday.AddDays(1);
        await page.Locator("#day").FillAsync(sunday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator(".day-picker button").ClickAsync();
        await page.WaitForURLAsync("**day=" + sunday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, await page.Locator(".slots .slot").CountAsync());
        Assert.Contains("keine freien Zeiten", await page.Locator("main").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>Checks every shown slot against Mon–Thu 09:00–15:00 and one day; returns that day (null: no slots).</summary>
    private static async Task<string?> AssertSlotsWithinHoursAsync(IPage page)
    {
        var slots = page.Locator(".slots .slot");
        var starts = await slots.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.start)");
        var ends = await slots.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.end)");
        if (starts.Length == 0) return null;
        for (var i = 0; i < starts.Length; i++)
        {
            var start = DateTime.Parse(starts[i], System.Globalization.CultureInfo.InvariantCulture);
            var end = DateTime.Parse(ends[i], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(start.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday, starts[i]);
            Assert.True(start.TimeOfDay >= TimeSpan.FromHours(9) && end.TimeOfDay <= TimeSpan.FromHours(15), starts[i] + "–" + ends[i]);
        }
        var days = starts.Select(s => s[..10]).Distinct().ToList();
        Assert.Single(days);
        return days[0];
    }
}
