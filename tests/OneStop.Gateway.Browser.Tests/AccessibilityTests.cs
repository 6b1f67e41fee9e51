using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>
/// Contrast, labels, names and visible focus (<see cref="PageAudit"/>) on every kind of page of the web front, public and staff,
/// in German and in Arabic (right to left), including error and result states.
/// </summary>
[Collection(WebFrontCollection.Name)]
public sealed class AccessibilityTests(WebFrontSuite suite)
{
    [Theory(Timeout = 180_000)]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task Public_pages_meet_contrast_and_label_rules(string culture)
    {
        var page = await suite.NewPageAsync();
        foreach (var path in new[]
                 {
                     "/", "/?topic=1&language=ar&municipality=05766020", "/?q=zzzz-nothing-matches",
                     "/services/svc-wc-ankommen", "/services/svc-wc-ankommen/appointment", "/services/svc-jc-eingliederung/appointment",
                     "/no-such-page",
                 })
        {
            await page.GotoAsync(path + (path.Contains('?') ? "&" : "?") + "culture=" + culture);
            Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
            await PageAudit.AssertPassesAsync(page);
        }

        // A booked public appointment (the confirmation with its reference).
        await page.GotoAsync("/services/svc-wc-ankommen/appointment");
        await page.Locator(".slots .slot button").First.ClickAsync();
        await page.Locator("#booked-heading").WaitForAsync();
        await PageAudit.AssertPassesAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task Staff_pages_meet_contrast_and_label_rules()
    {
        var page = await suite.NewPageAsync();
        // The sign-in page, and its error.
        await Staff.SignInAsync(page, password: "wrong-password");
        await page.Locator("[role=alert]").WaitForAsync();
        await PageAudit.AssertPassesAsync(page);

        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");
        await PageAudit.AssertPassesAsync(page);

        // Slots, the hold, the confirmation and the day list.
        await page.Locator("#client-id").FillAsync("C-A11Y-" + Guid.NewGuid().ToString("N")[..8]);
        await page.Locator("#type").SelectOptionAsync("type-welcome-erstberatung");
        await page.Locator(".need-form button[type=submit]").ClickAsync();
        await page.Locator("#slots-heading").WaitForAsync();
        await PageAudit.AssertPassesAsync(page);
        await page.Locator(".slots .slot button").First.ClickAsync();
        await page.WaitForURLAsync("**/staff/book");
        await PageAudit.AssertPassesAsync(page);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/staff/appointments/*");
        await PageAudit.AssertPassesAsync(page);
        await page.GotoAsync($"/staff/today?location={Staff.Kreishaus}");
        await PageAudit.AssertPassesAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task The_audit_finds_low_contrast_a_missing_label_a_nameless_button_and_a_hidden_focus()
    {
        // The audit itself must be able to fail: a page with each defect once.
        var page = await suite.NewPageAsync();
        await page.SetContentAsync("""
            <html lang="de"><head><style>input:focus, button:focus { outline: 3px solid #000 } .plain:focus { outline: none }</style></head>
            <body style="background:#fff">
              <h1>Probe</h1>
              <a href="#top" class="plain">a link without a focus ring</a>
              <p style="color:#999">light grey on white</p>
              <div style="background:#00476b"><p style="color:#003350">dark blue on brand blue</p></div>
              <input id="unlabelled" style="border:2px solid #ddd">
              <button></button>
            </body></html>
            """);

        var failures = await PageAudit.FailuresAsync(page);

        Assert.Contains(failures, f => f.StartsWith("text p \"light grey on white\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("text p \"dark blue on brand blue\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f == "no label: input#unlabelled");
        Assert.Contains(failures, f => f.StartsWith("border input#unlabelled", StringComparison.Ordinal));
        Assert.Contains(failures, f => f == "no name: button");
        Assert.Contains(failures, f => f == "no visible focus: a.plain");
        Assert.Equal(6, failures.Length);
        await page.Context.CloseAsync();
    }
}
