using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

[Collection(WebFrontCollection.Name)]
public sealed class PublicPagesTests(WebFrontSuite suite)
{
    [Fact(Timeout = 120_000)]
    public async Task Search_by_topic_language_and_municipality_then_service_details_with_opening_hours()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        await page.Locator("#topic").SelectOptionAsync("2"); // Anerkennung
        await page.Locator("#language").SelectOptionAsync("en");
        await page.Locator("#municipality").SelectOptionAsync(new SelectOptionValue { Label = "Detmold" });
        await page.Locator(".search-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?topic=2&language=en&municipality=05766020"));
        var results = page.Locator(".results .card");
        Assert.True(await results.CountAsync() > 0);
        var names = string.Join(" | ", await results.Locator("h3").AllInnerTextsAsync());
        Assert.Contains("Anerkennungsberatung für ausländische Berufsabschlüsse", names);
        Assert.DoesNotContain("Jugendmigrationsdienst", names); // topic filter
        await WebFrontSuite.ScreenshotAsync(page, "public-search");

        await results.Locator("a", new() { HasText = "Anerkennungsberatung für ausländische Berufsabschlüsse" }).ClickAsync();
        await page.WaitForURLAsync("**/services/svc-iq-anerkennungsberatung");
        Assert.Equal("Anerkennungsberatung für ausländische Berufsabschlüsse", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Öffnungszeiten", await page.Locator("#hours-heading").InnerTextAsync());
        Assert.Matches(@"(Montag|Dienstag|Mittwoch|Donnerstag|Freitag): \d\d:\d\d–\d\d:\d\d", await page.Locator(".hours").First.InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "public-service-details");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_arabic_page_is_right_to_left_with_arabic_text_and_service_texts_in_arabic()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/services/svc-wc-ankommen");
        await page.Locator("#language-choice").SelectOptionAsync("ar");
        await page.Locator(".language-form button").ClickAsync();
        await page.WaitForURLAsync("**/services/svc-wc-ankommen");
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("الوصول إلى ليبه: مركز الترحيب", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("ساعات العمل", await page.Locator("#hours-heading").InnerTextAsync());
        Assert.Contains("الاثنين", await page.Locator(".hours").First.InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "public-service-arabic");

        // The choice is remembered (cookie) on the next page.
        await page.GotoAsync("/");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ابحث عن الاستشارات والخدمات في دائرة ليبه", await page.Locator("h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Ukrainian_and_english_pages_translate_the_ui_and_fall_back_to_german_service_texts()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/services/svc-wc-ankommen?culture=uk");
        Assert.Equal("uk", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Години роботи", await page.Locator("#hours-heading").InnerTextAsync());
        // No Ukrainian translation in the demo directory: German text, marked as German, with a notice.
        Assert.Equal("Ankommen in Lippe: Welcome Center", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("de", await page.Locator("article").GetAttributeAsync("lang"));
        Assert.Equal("Цей текст доступний лише німецькою мовою.", await page.Locator("article .notice").InnerTextAsync());

        await page.GotoAsync("/services/svc-wc-ankommen?culture=en");
        Assert.Equal("Arriving in Lippe: Welcome Center", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Opening hours", await page.Locator("#hours-heading").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Keyboard_only_search_with_a_visible_focus_outline()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/");

        // The first Tab reaches the skip link, which becomes visible and moves focus to the main content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        Assert.True(await page.EvaluateAsync<double>("document.activeElement.getBoundingClientRect().top") >= 0);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        // Tab on to the topic select, choose by keyboard, then Tab to the search button and press Enter.
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.id") != "topic"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("topic", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        Assert.Equal("3px", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineWidth"));
        await page.Keyboard.PressAsync("ArrowDown"); // Arbeit
        Assert.Equal("1", await page.Locator("#topic").InputValueAsync());
        await WebFrontSuite.ScreenshotAsync(page, "keyboard-focus-topic");
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.tagName") != "BUTTON"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"\?topic=1"));
        Assert.True(await page.Locator(".results .card").CountAsync() > 0);
        await WebFrontSuite.ScreenshotAsync(page, "keyboard-search-results");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_visitor_requests_an_appointment_with_a_booking_reference_and_no_personal_data()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/services/svc-wc-ankommen");
        await page.Locator("a.button", new() { HasText = "Termin anfragen" }).ClickAsync();
        await page.WaitForURLAsync("**/services/svc-wc-ankommen/appointment");
        // No field asks for anything about the visitor (the day picker only chooses which day's times are shown).
        Assert.Equal(0, await page.Locator("main input:not([type=hidden]):not(#day)").CountAsync());
        await page.Locator(".slots .slot button").First.ClickAsync();
        await page.Locator("#booked-heading").WaitForAsync();
        Assert.Matches("^OS-[A-Z2-9]{10}$", await page.Locator(".reference").InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "public-appointment-booked");

        // A service without public requests says so instead of offering slots.
        await page.GotoAsync("/services/svc-jc-eingliederung/appointment");
        Assert.Equal(0, await page.Locator(".slots .slot").CountAsync());
        Assert.Contains("keinen Termin", await page.Locator("main").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_visitor_cannot_book_a_slot_or_reference_the_page_did_not_offer()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/services/svc-wc-ankommen/appointment");
        var offer = page.Locator(".slots .slot input[name=offer]").First;
        var sealedOffer = await offer.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(sealedOffer));

        // Altered by one character: the seal no longer opens.
        await offer.EvaluateAsync("(e, v) => e.value = v", sealedOffer![..^2] + (sealedOffer[^2] == 'A' ? "B" : "A") + sealedOffer[^1]);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator(".slots .slot button").First.ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Pages_carry_the_security_headers_and_no_script()
    {
        var page = await suite.NewPageAsync();
        foreach (var path in new[] { "/", "/services/svc-wc-ankommen", "/staff/signin", "/css/site.css", "/no-such-page" })
        {
            var response = await page.APIRequest.GetAsync(path);
            var headers = response.Headers;
            Assert.Contains("default-src 'self'", headers["content-security-policy"]);
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
            Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("DENY", headers["x-frame-options"]);
            Assert.Equal("same-origin", headers["referrer-policy"]);
            Assert.Contains("camera=()", headers["permissions-policy"]);
            Assert.False(headers.ContainsKey("access-control-allow-origin"), path);
            if (path == "/no-such-page") Assert.Equal(404, response.Status);
        }
        await page.GotoAsync("/");
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("[style]").CountAsync());
        // Every form control on the page has a label.
        var unlabelled = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).length");
        Assert.Equal(0, unlabelled);
        await page.Context.CloseAsync();
    }
}
