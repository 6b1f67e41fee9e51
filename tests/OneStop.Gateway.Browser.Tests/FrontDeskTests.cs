using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

[Collection(WebFrontCollection.Name)]
public sealed partial class FrontDeskTests(WebFrontSuite suite)
{
    [Fact(Timeout = 180_000)]
    public async Task Sign_in_need_slots_hold_book_confirmation_ics_then_check_in_on_the_day_list()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");
        Assert.Contains(Staff.FrontDesk, await page.Locator("header").InnerTextAsync());

        var clientId = "C-BROWSER-" + Guid.NewGuid().ToString("N")[..8];
        await Staff.HoldFirstSlotAsync(page, clientId, describePools: true);
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-hold");
        Assert.Contains(clientId, await page.Locator("main").InnerTextAsync());
        // The Monday 08:00–12:00 block was honoured: the slot is not on a Monday morning.
        var when = await page.Locator(".facts dd").First.InnerTextAsync();
        Assert.False(when.StartsWith("Montag", StringComparison.Ordinal) && int.Parse(Regex.Match(when, @"(\d\d):\d\d–").Groups[1].Value) < 12, when);

        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/staff/appointments/apt-[0-9a-f]+\?booked=true$"));
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-confirmation");
        Assert.Equal("gebucht", await page.Locator("#status").InnerTextAsync());
        var appointmentId = Regex.Match(page.Url, "/staff/appointments/([^?]+)").Groups[1].Value;

        var downloadTask = page.WaitForDownloadAsync();
        await page.Locator("a[href$='/ics']").ClickAsync();
        var download = await downloadTask;
        var ics = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("TZID:Europe/Berlin", ics);
        Assert.Contains("END:VCALENDAR", ics);
        Assert.EndsWith(".ics", download.SuggestedFilename);
        var start = Regex.Match(ics, @"DTSTART;TZID=Europe/Berlin:(\d{4})(\d{2})(\d{2})T");
        Assert.True(start.Success, ics);
        var day = $"{start.Groups[1].Value}-{start.Groups[2].Value}-{start.Groups[3].Value}";

        await page.GotoAsync($"/staff/today?location={Staff.Kreishaus}&day={day}");
        var row = page.Locator("table.appointments tbody tr", new() { HasText = clientId });
        Assert.Equal("gebucht", await row.Locator(".status").InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-day-list");
        // A no-show before the start is refused by the service; the page says so in words, and nothing changes.
        await row.Locator("button", new() { HasText = "Nicht erschienen" }).ClickAsync();
        Assert.Equal("Das ist in diesem Zustand nicht möglich.", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal("gebucht", await page.Locator("table.appointments tbody tr", new() { HasText = clientId }).Locator(".status").InnerTextAsync());
        await page.Locator("table.appointments tbody tr", new() { HasText = clientId }).Locator("button", new() { HasText = "Angekommen" }).ClickAsync();
        await page.Locator(".notice.success").WaitForAsync();
        Assert.Equal("angekommen", await page.Locator("table.appointments tbody tr", new() { HasText = clientId }).Locator(".status").InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-checked-in");

        await page.GotoAsync($"/staff/appointments/{appointmentId}");
        Assert.Equal("angekommen", await page.Locator("#status").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_double_submitted_booking_form_books_once()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await Staff.HoldFirstSlotAsync(page, "C-TWICE-" + Guid.NewGuid().ToString("N")[..8], describePools: false);

        // The confirm form as the browser would send it, twice (a double click, or a resubmitted page).
        var form = page.Locator("main form");
        var fields = new Dictionary<string, string>();
        foreach (var input in await form.Locator("input[type=hidden]").AllAsync())
            fields[(await input.GetAttributeAsync("name"))!] = (await input.GetAttributeAsync("value"))!;
        var action = await form.GetAttributeAsync("action");
        async Task<string> SubmitAsync()
        {
            var data = page.Context.APIRequest.CreateFormData();
            foreach (var (name, value) in fields) data.Set(name, value);
            var response = await page.Context.APIRequest.PostAsync(action!, new() { Form = data, MaxRedirects = 0 });
            Assert.Equal(302, response.Status);
            return response.Headers["location"];
        }
        var first = await SubmitAsync();
        var second = await SubmitAsync();
        Assert.Matches(@"^/staff/appointments/apt-[0-9a-f]+\?booked=true$", first);
        Assert.Equal(first, second);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_booked_appointment_can_be_rescheduled_and_cancelled_with_a_reason()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await Staff.HoldFirstSlotAsync(page, "C-CANCEL-" + Guid.NewGuid().ToString("N")[..8], describePools: false);
        await page.Locator("main form button[type=submit]").ClickAsync();
        try
        {
            await page.WaitForURLAsync(new Regex(@"\?booked=true$"));
        }
        catch (TimeoutException)
        {
            // Say what the page showed instead (an error message, a refused hold), not just that it timed out.
            Assert.Fail($"not booked; the page at {page.Url} shows: {await page.Locator("main").InnerTextAsync()}");
        }
        var before = await page.Locator(".facts dd").First.InnerTextAsync();

        await page.Locator("a[href$='/reschedule']").ClickAsync();
        await page.Locator(".slots .slot button").Nth(1).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?moved=true$"));
        Assert.NotEqual(before, await page.Locator(".facts dd").First.InnerTextAsync());

        await page.Locator("#reason").FillAsync("Klient ist erkrankt");
        await page.Locator("button.danger").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?cancelled=true$"));
        Assert.Equal("abgesagt", await page.Locator("#status").InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-cancelled");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_wrong_password_is_refused_and_staff_pages_need_a_sign_in()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/staff/today");
        Assert.Contains("/staff/signin", page.Url);

        await Staff.SignInAsync(page, password: "wrong-password-123");
        Assert.Equal("E-Mail-Adresse oder Passwort ist falsch.", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Contains("/staff/signin", page.Url);
        await WebFrontSuite.ScreenshotAsync(page, "signin-refused");

        var response = await page.GotoAsync("/staff/need");
        Assert.Contains("/staff/signin", page.Url);
        Assert.Equal(200, response!.Status);
        Assert.Equal(0, await page.Locator("#client-id").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task An_interpreter_language_and_room_needs_shape_the_joint_slots()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");

        // Welcome Center counselling with an Arabic interpreter in a wheelchair-accessible room for five people.
        var slots = await SlotTextsAsync(page, interpreter: "ar", wheelchair: true, capacity: 5);
        Assert.NotNull(slots);
        Assert.NotEmpty(slots);
        Assert.All(slots, slot =>
        {
            Assert.Contains("Beratung (", slot, StringComparison.Ordinal);
            Assert.Contains("Dolmetschen (", slot, StringComparison.Ordinal);
            Assert.Contains("Raum (", slot, StringComparison.Ordinal);
        });
        await WebFrontSuite.ScreenshotAsync(page, "frontdesk-need-interpreter-room");

        // The same need without them: counselling alone.
        slots = await SlotTextsAsync(page, interpreter: "", wheelchair: false, capacity: 0);
        Assert.NotNull(slots);
        Assert.NotEmpty(slots);
        Assert.All(slots, slot => Assert.DoesNotContain("Dolmetschen (", slot, StringComparison.Ordinal));

        // No room of the demo county holds seven people: the page says which part of the need to change.
        Assert.Null(await SlotTextsAsync(page, interpreter: "ar", wheelchair: true, capacity: 7));
        Assert.Equal("Kein Raum erfüllt diese Anforderungen. Ändern Sie Plätze oder Barrierefreiheit.", await page.Locator("[role=alert]").InnerTextAsync());
        // The type sees the Welcome Center about Arbeit: Wohnen cannot work, and the page names the row to change.
        Assert.Null(await SlotTextsAsync(page, interpreter: "", wheelchair: false, capacity: 0, topic: "5"));
        Assert.Equal("Thema 1: Die Terminart „Erstberatung Welcome Center (30 Min.)“ berät diese Stelle zu einem anderen Thema. Wählen Sie ein anderes Thema oder „– keine –“.",
            await page.Locator("[role=alert]").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>The slots the need page finds for the Welcome Center on <paramref name="topic"/>, or null when it shows an error instead.</summary>
    private static async Task<IReadOnlyList<string>?> SlotTextsAsync(IPage page, string interpreter, bool wheelchair, int capacity, string topic = "1")
    {
        await page.GotoAsync("/staff/need");
        await page.Locator("#client-id").FillAsync("C-NEEDS-" + Guid.NewGuid().ToString("N")[..8]);
        await page.Locator("#type").SelectOptionAsync("type-welcome-erstberatung"); // its duration; the pool below is the need
        await page.Locator("#agency-0").SelectOptionAsync("org-wc-lippe");
        await page.Locator("#topic-0").SelectOptionAsync(topic); // 1 = Arbeit
        await page.Locator("#interpreter").SelectOptionAsync(interpreter);
        await page.Locator("#wheelchair").SetCheckedAsync(wheelchair);
        await page.Locator("#capacity").FillAsync(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator(".need-form button[type=submit]").ClickAsync();
        var answer = page.Locator("#slots-heading, main [role=alert]").First;
        await answer.WaitForAsync();
        return await answer.GetAttributeAsync("role") == "alert" ? null : await page.Locator(".slots .slot").AllInnerTextsAsync();
    }
}
