using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>
/// The need form and what follows it (issue 17, items 1–5): every slot shown can be held, a choice the type cannot
/// take is named before searching, the interpreter and room apply to a search by type, the banner says what the
/// status says, a reschedule keeps the client's blocked times, and the calendar file names place and organizer.
/// </summary>
[Collection(WebFrontCollection.Name)]
public sealed class FrontDeskNeedTests(WebFrontSuite suite)
{
    private const string ResidenceAndWork = "type-joint-aufenthalt-arbeit";
    private const string JobcenterMbe = "type-joint-jobcenter-mbe";

    private static string NewClient(string prefix) => $"C-{prefix}-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Fills the need form and searches; returns the slots' texts, or null when the page shows an alert instead.</summary>
    private static async Task<IReadOnlyList<string>?> SearchAsync(IPage page, string type, (string Agency, string Topic)[] agencies,
        string interpreter = "", int capacity = 0, (string Day, string From, string To)[]? blocked = null, string clientId = "")
    {
        await page.GotoAsync("/staff/need");
        await page.Locator("#client-id").FillAsync(clientId.Length > 0 ? clientId : NewClient("NEED"));
        await page.Locator("#type").SelectOptionAsync(type);
        for (var i = 0; i < agencies.Length; i++)
        {
            await page.Locator($"#agency-{i}").SelectOptionAsync(agencies[i].Agency);
            await page.Locator($"#topic-{i}").SelectOptionAsync(agencies[i].Topic);
        }
        await page.Locator("#interpreter").SelectOptionAsync(interpreter);
        await page.Locator("#capacity").FillAsync(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < (blocked?.Length ?? 0); i++)
        {
            await page.Locator($"#blocked-day-{i}").SelectOptionAsync(blocked![i].Day);
            await page.Locator($"#blocked-from-{i}").FillAsync(blocked[i].From);
            await page.Locator($"#blocked-to-{i}").FillAsync(blocked[i].To);
        }
        await page.Locator(".need-form button[type=submit]").ClickAsync();
        var answer = page.Locator("#slots-heading, main [role=alert]").First;
        await answer.WaitForAsync();
        return await answer.GetAttributeAsync("role") == "alert" ? null : await page.Locator(".slots .slot").AllInnerTextsAsync();
    }

    private static async Task HoldAndBookFirstAsync(IPage page)
    {
        await page.Locator(".slots .slot button").First.ClickAsync();
        await page.WaitForURLAsync("**/staff/book");
        if (await page.Locator("main [role=alert]").CountAsync() > 0)
            Assert.Fail($"the hold was refused: {await page.Locator("main").InnerTextAsync()}");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/staff/appointments/apt-[0-9a-f]+\?booked=true$"));
    }

    [Fact(Timeout = 180_000)]
    public async Task Residence_and_work_with_an_Arabic_interpreter_is_held_and_booked_and_the_banner_says_it_waits_for_acceptance()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");

        var slots = await SearchAsync(page, ResidenceAndWork, [("org-abh-lippe", "7"), ("org-aa-detmold", "1")], interpreter: "ar");

        Assert.NotNull(slots);
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Contains("Dolmetschen (", s, StringComparison.Ordinal));
        await HoldAndBookFirstAsync(page);
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-booked-awaiting-acceptance");
        // The Agentur für Arbeit accepts joint bookings itself: booked, and waiting for that.
        Assert.Equal("wartet auf Zusage", await page.Locator("#status").InnerTextAsync());
        Assert.Equal("Der Termin ist gebucht und wartet auf die Zusage der beteiligten Stellen.", await page.Locator("main .notice[role=status]").InnerTextAsync());

        // The calendar file names the place with its address, the agencies, and the front desk's organization.
        var downloadTask = page.WaitForDownloadAsync();
        await page.Locator("a[href$='/ics']").ClickAsync();
        var ics = Unfold(await File.ReadAllTextAsync(await (await downloadTask).PathAsync()));
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^LOCATION:.*Detmold", RegexOptions.Multiline), ics);
        Assert.Matches(new Regex(@"^SUMMARY:.*Ausländerbehörde.*\+.*Agentur für Arbeit", RegexOptions.Multiline), ics);
        Assert.Matches(new Regex(@"^ORGANIZER;CN=[^:]*Integration Point[^:]*:mailto:", RegexOptions.Multiline), ics);

        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task An_agency_the_type_does_not_include_is_named_before_any_slot_is_shown()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");

        var slots = await SearchAsync(page, JobcenterMbe, [("org-jc-lippe", "1"), ("org-mbe-awo-lippe", "9")]);

        Assert.Null(slots);
        var alert = await page.Locator("main [role=alert]").InnerTextAsync();
        Assert.StartsWith("Stelle 2:", alert, StringComparison.Ordinal);
        Assert.Contains("Terminart", alert, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".slots .slot").CountAsync());
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-need-agency-not-in-type");

        // With the type's own agency the same need finds slots, and the first one is held.
        Assert.NotEmpty((await SearchAsync(page, JobcenterMbe, [("org-jc-lippe", "1"), ("org-mbe-caritas-lippe", "9")]))!);
        await page.Locator(".slots .slot button").First.ClickAsync();
        await page.WaitForURLAsync("**/staff/book");
        Assert.Equal(0, await page.Locator("main [role=alert]").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task By_type_alone_the_interpreter_and_the_seats_are_applied()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");

        var slots = await SearchAsync(page, ResidenceAndWork, [], interpreter: "ar");
        Assert.NotNull(slots);
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Contains("Dolmetschen (", s, StringComparison.Ordinal));

        // The form allows at most 100 seats; no demo room has them.
        Assert.Null(await SearchAsync(page, ResidenceAndWork, [], interpreter: "ar", capacity: 100));
        Assert.Equal("Kein Raum erfüllt diese Anforderungen. Ändern Sie Plätze oder Barrierefreiheit.", await page.Locator("main [role=alert]").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_reschedule_offers_only_times_outside_the_clients_blocked_days()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");
        (string, string, string)[] blocked = [("1", "00:00", "23:59"), ("2", "00:00", "23:59"), ("3", "00:00", "23:59")];

        var slots = await SearchAsync(page, "type-welcome-erstberatung", [], blocked: blocked);
        Assert.NotNull(slots);
        await HoldAndBookFirstAsync(page);
        await page.Locator("a[href$='/reschedule']").ClickAsync();
        var offered = await page.Locator(".slots .slot").AllInnerTextsAsync();

        Assert.NotEmpty(offered);
        Assert.All(offered, s => Assert.DoesNotMatch(new Regex("Montag|Dienstag|Mittwoch"), s));
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task The_year_ahead_type_reaches_the_next_change_of_summer_time_and_shows_office_hours_on_both_sides()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");
        // The next Sunday on which Berlin's offset changes (within the year the type reaches).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var change = Enumerable.Range(3, 360).Select(today.AddDays)
            .First(d => OneStop.ServiceDefaults.Time.BerlinTime.OffsetAt(OneStop.ServiceDefaults.Time.BerlinTime.StartOfDay(d).AddHours(12))
                != OneStop.ServiceDefaults.Time.BerlinTime.OffsetAt(OneStop.ServiceDefaults.Time.BerlinTime.StartOfDay(d).AddHours(-12)));

        foreach (var from in new[] { change.AddDays(-3), change.AddDays(2) })
        {
            await page.GotoAsync("/staff/need");
            await page.Locator("#client-id").FillAsync(NewClient("DST"));
            await page.Locator("#type").SelectOptionAsync("type-anerkennung-iq-jahr");
            await page.Locator("#from").FillAsync(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator(".need-form button[type=submit]").ClickAsync();
            await page.Locator("#slots-heading").WaitForAsync();

            var first = await page.Locator(".slots .slot").First.InnerTextAsync();
            // Local office hours start at 08:30 on either side of the change (07:30Z in winter, 06:30Z in summer).
            Assert.Contains(", 08:30–09:30", first, StringComparison.Ordinal);
            Assert.Contains(from.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), first, StringComparison.Ordinal);
        }
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-need-after-dst-change");
        await page.Context.CloseAsync();
    }

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
}
