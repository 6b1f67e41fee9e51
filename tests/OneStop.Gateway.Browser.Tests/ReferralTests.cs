using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>
/// The referral pages against the real referrals service: the front desk of the Integration Point refers a client to
/// a service of the Ausländerbehörde, and the Ausländerbehörde's counsellor answers it from the inbox. Each test uses
/// a fresh client id, so they do not see each other's referrals or consents.
/// </summary>
[Collection(WebFrontCollection.Name)]
public sealed partial class ReferralTests(WebFrontSuite suite)
{
    private const string ReceivingService = "svc-abh-fachkraefteverfahren";
    private const string ReceivingOrganization = "org-abh-lippe";

    [Fact(Timeout = 240_000)]
    public async Task Front_desk_refers_from_the_booking_flow_then_the_receiving_counsellor_accepts_starts_and_completes_with_an_outcome()
    {
        var clientId = "C-REF-" + Guid.NewGuid().ToString("N")[..8];
        var desk = await suite.NewPageAsync();
        await SignInAsync(desk, Staff.FrontDesk);

        // The joint-booking flow's need carries the client, the topic and the interpreter over to the referral.
        await desk.Locator("#client-id").FillAsync(clientId);
        await desk.Locator("#type").SelectOptionAsync("type-welcome-erstberatung");
        await desk.Locator("#agency-0").SelectOptionAsync("org-wc-lippe");
        await desk.Locator("#topic-0").SelectOptionAsync("1"); // Arbeit
        await desk.Locator(".need-form button[type=submit]").ClickAsync();
        await desk.Locator("#slots-heading").WaitForAsync();
        await desk.Locator("#refer-need").ClickAsync();
        await desk.WaitForURLAsync("**/staff/referrals/new?**");
        Assert.Equal(clientId, await desk.Locator("#client-id").InputValueAsync());
        Assert.True(await desk.Locator("#topic-1").IsCheckedAsync());

        await desk.Locator("#service").SelectOptionAsync(ReceivingService);
        await desk.Locator("#topic-7").CheckAsync(); // Aufenthalt
        await desk.Locator("#reason").FillAsync("Arbeitsangebot liegt vor; Aufenthaltstitel zur Beschäftigung klären.");
        await desk.Locator("#language-uk").CheckAsync();
        await desk.Locator("#category-2").CheckAsync(); // languages
        await desk.Locator("#urgency-2").CheckAsync();
        await desk.Locator("#consent-given").CheckAsync();
        await WebFrontSuite.ScreenshotAsync(desk, "referral-new");
        await SubmitAndExpectCreatedAsync(desk);
        await WebFrontSuite.ScreenshotAsync(desk, "referral-sent");
        Assert.Equal("Die Überweisung ist gesendet.", await desk.Locator(".notice.success").InnerTextAsync());
        Assert.Equal("gesendet", await desk.Locator("#state").InnerTextAsync());
        Assert.Equal(clientId, await desk.Locator("#client").InnerTextAsync());
        var referralId = Regex.Match(desk.Url, "/staff/referrals/([^?]+)").Groups[1].Value;

        // The counsellor of the receiving organization finds it in the inbox and answers it.
        var counsellor = await suite.NewPageAsync();
        await SignInAsync(counsellor, Staff.Counsellor);
        await counsellor.GotoAsync("/staff/referrals");
        Assert.Equal("", string.Join(" | ", await counsellor.Locator("[role=alert]").AllInnerTextsAsync()));
        Assert.Equal(1, await counsellor.Locator($"tr[data-referral='{referralId}']").CountAsync());
        var row = counsellor.Locator($"tr[data-referral='{referralId}']");
        Assert.Equal("gesendet", await row.Locator(".state").InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(counsellor, "referral-inbox");
        await row.Locator("a").ClickAsync();
        await counsellor.WaitForURLAsync($"**/staff/referrals/{referralId}");
        // Under the consent recorded at the desk, the receiver sees the content.
        Assert.Equal(clientId, await counsellor.Locator("#client").InnerTextAsync());
        Assert.Contains("Aufenthaltstitel", await counsellor.Locator("#reason-text").InnerTextAsync());

        await counsellor.Locator("#accept").ClickAsync();
        await counsellor.WaitForURLAsync("**?changed=true");
        Assert.Equal("angenommen", await counsellor.Locator("#state").InnerTextAsync());
        await counsellor.Locator("#start").ClickAsync();
        await counsellor.WaitForURLAsync("**?changed=true");
        Assert.Equal("in Beratung", await counsellor.Locator("#state").InnerTextAsync());
        await counsellor.Locator("#outcome-choice").SelectOptionAsync("4"); // verzogen
        await counsellor.Locator("#complete").ClickAsync();
        await counsellor.WaitForURLAsync("**?changed=true");
        await WebFrontSuite.ScreenshotAsync(counsellor, "referral-completed");
        Assert.Equal("abgeschlossen", await counsellor.Locator("#state").InnerTextAsync());
        Assert.Equal("verzogen", await counsellor.Locator("#outcome").InnerTextAsync());
        Assert.Equal(0, await counsellor.Locator("#accept, #start, #complete").CountAsync());
        // Every step is in the history, with who did it.
        var history = await counsellor.Locator("ol.history").InnerTextAsync();
        Assert.Contains("gesendet → angenommen", history);
        Assert.Contains("angenommen → in Beratung", history);
        Assert.Contains("in Beratung → abgeschlossen", history);
        Assert.Contains("aufnehmende Stelle", history);

        // The sender's outbox shows the answer.
        await desk.GotoAsync("/staff/referrals?box=outbox");
        Assert.Equal("abgeschlossen", await desk.Locator($"tr[data-referral='{referralId}'] .state").InnerTextAsync());
        await counsellor.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    [Fact(Timeout = 240_000)]
    public async Task A_rejection_needs_a_reason_and_shows_it()
    {
        var clientId = "C-REJ-" + Guid.NewGuid().ToString("N")[..8];
        var desk = await suite.NewPageAsync();
        await SignInAsync(desk, Staff.FrontDesk);
        var referralId = await SendReferralAsync(desk, clientId, recordConsent: true);

        var counsellor = await suite.NewPageAsync();
        await SignInAsync(counsellor, Staff.Counsellor);
        await counsellor.GotoAsync($"/staff/referrals/{referralId}");
        await counsellor.Locator("#reject").ClickAsync();
        Assert.Equal("Eine Ablehnung braucht einen Grund (höchstens 500 Zeichen).", await counsellor.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal("gesendet", await counsellor.Locator("#state").InnerTextAsync());

        await counsellor.Locator("#reject-reason").FillAsync("Nicht zuständig: kein Arbeitsangebot aus dem Ausland.");
        await counsellor.Locator("#reject").ClickAsync();
        await counsellor.WaitForURLAsync("**?changed=true");
        Assert.Equal("abgelehnt", await counsellor.Locator("#state").InnerTextAsync());
        Assert.Equal("Nicht zuständig: kein Arbeitsangebot aus dem Ausland.", await counsellor.Locator("#rejection-reason").InnerTextAsync());

        await desk.GotoAsync($"/staff/referrals/{referralId}");
        Assert.Equal("abgelehnt", await desk.Locator("#state").InnerTextAsync());
        Assert.Equal("Nicht zuständig: kein Arbeitsangebot aus dem Ausland.", await desk.Locator("#rejection-reason").InnerTextAsync());
        await counsellor.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    [Fact(Timeout = 240_000)]
    public async Task Without_consent_nothing_is_sent_then_a_consent_recorded_and_withdrawn_decides_what_the_receiver_sees()
    {
        var clientId = "C-CON-" + Guid.NewGuid().ToString("N")[..8];
        var desk = await suite.NewPageAsync();
        await SignInAsync(desk, Staff.FrontDesk);

        // No consent yet: the referral is not sent, and the page says why.
        await FillReferralAsync(desk, clientId);
        await desk.Locator("button[name=Send][value=true]").ClickAsync();
        Assert.Equal("Keine gültige Einwilligung der Person deckt diese Weitergabe ab. Bitte erfassen Sie die Einwilligung.",
            await desk.Locator("[role=alert]").InnerTextAsync());

        // Recorded on the consent page, it shows there as in force.
        await desk.GotoAsync($"/staff/consents?clientId={clientId}");
        Assert.Equal("Für diese Person ist keine Einwilligung erfasst.", await desk.Locator("#no-consents").InnerTextAsync());
        await desk.Locator("#purpose").SelectOptionAsync("1");
        await desk.Locator($"#recipient-{ReceivingOrganization}").CheckAsync();
        await desk.Locator("#consent-category-1").CheckAsync();
        await desk.Locator("#method").SelectOptionAsync("2"); // oral with an interpreter …
        await desk.Locator(".consent-form button[type=submit]").ClickAsync();
        Assert.Equal("Mündlich mit Dolmetschen: bitte die Sprache des Dolmetschens wählen.", await desk.Locator("[role=alert]").InnerTextAsync());
        await desk.Locator("#interpreter").SelectOptionAsync("uk"); // … needs its language
        await desk.Locator(".consent-form button[type=submit]").ClickAsync();
        await desk.WaitForURLAsync("**recorded=true");
        await WebFrontSuite.ScreenshotAsync(desk, "consent-recorded");
        var card = desk.Locator("li.consent");
        Assert.Equal(1, await card.CountAsync());
        Assert.Equal("gültig", await card.Locator(".consent-status").InnerTextAsync());
        Assert.Contains("mündlich mit Dolmetschen (Ukrainisch)", await card.InnerTextAsync());

        // Now the same referral is sent, and the receiver reads its content.
        var referralId = await SendReferralAsync(desk, clientId, recordConsent: false);
        var counsellor = await suite.NewPageAsync();
        await SignInAsync(counsellor, Staff.Counsellor);
        await counsellor.GotoAsync($"/staff/referrals/{referralId}");
        Assert.Equal(clientId, await counsellor.Locator("#client").InnerTextAsync());
        Assert.Equal(0, await counsellor.Locator("#withheld").CountAsync());

        // Withdrawn at the desk: the page shows it, and the receiver sees only that the referral exists.
        await desk.GotoAsync($"/staff/consents?clientId={clientId}");
        await desk.Locator("li.consent input[name=Note]").FillAsync("Widerruf am Schalter");
        await desk.Locator("li.consent button.danger").ClickAsync();
        await desk.WaitForURLAsync("**withdrawn=true");
        await WebFrontSuite.ScreenshotAsync(desk, "consent-withdrawn");
        var status = await desk.Locator("li.consent .consent-status").InnerTextAsync();
        Assert.StartsWith("widerrufen am ", status);
        Assert.EndsWith("Widerruf am Schalter", status);
        Assert.Equal(0, await desk.Locator("li.consent button.danger").CountAsync());

        await counsellor.ReloadAsync();
        await WebFrontSuite.ScreenshotAsync(counsellor, "referral-withheld");
        Assert.Equal(1, await counsellor.Locator("#withheld").CountAsync());
        Assert.Equal(0, await counsellor.Locator("#client").CountAsync());
        Assert.DoesNotContain(clientId, await counsellor.Locator("main").InnerTextAsync());
        Assert.Equal("gesendet", await counsellor.Locator("#state").InnerTextAsync());
        await counsellor.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    [Fact(Timeout = 240_000)]
    public async Task The_plan_page_shows_goals_steps_and_the_referral_made_from_a_step()
    {
        var clientId = "C-PLAN-" + Guid.NewGuid().ToString("N")[..8];
        var counsellor = await suite.NewPageAsync();
        await SignInAsync(counsellor, Staff.Counsellor);
        await counsellor.GotoAsync($"/staff/plan?clientId={clientId}");
        Assert.Equal("Für diese Person gibt es noch keinen Förderplan.", await counsellor.Locator("#no-plan").InnerTextAsync());
        await counsellor.Locator("#goal-title").FillAsync("Aufenthalt zur Beschäftigung sichern");
        await counsellor.Locator("#goal-category").SelectOptionAsync("3"); // residence status
        await counsellor.Locator("#add-goal-heading + form button").ClickAsync();
        await counsellor.WaitForURLAsync("**added=true");
        var goal = counsellor.Locator("section.goal");
        Assert.Equal("Aufenthalt zur Beschäftigung sichern", await goal.Locator("h2").InnerTextAsync());
        await goal.Locator("input[name=Title]").FillAsync("Unterlagen prüfen");
        await goal.Locator("form button").ClickAsync();
        await counsellor.WaitForURLAsync("**added=true");
        Assert.Contains("Unterlagen prüfen", await counsellor.Locator("ul.steps").InnerTextAsync());

        // A referral from the step hangs off it.
        await counsellor.Locator("ul.steps a", new() { HasText = "Zu diesem Schritt überweisen" }).ClickAsync();
        await counsellor.WaitForURLAsync("**/staff/referrals/new?**");
        Assert.Equal(clientId, await counsellor.Locator("#client-id").InputValueAsync());
        await counsellor.Locator("#service").SelectOptionAsync("svc-iq-anerkennungsberatung");
        await counsellor.Locator("#topic-2").CheckAsync();
        await counsellor.Locator("#reason").FillAsync("Anerkennung des Abschlusses klären.");
        await counsellor.Locator("#consent-given").CheckAsync();
        await SubmitAndExpectCreatedAsync(counsellor);
        var referralId = Regex.Match(counsellor.Url, "/staff/referrals/([^?]+)").Groups[1].Value;

        await counsellor.GotoAsync($"/staff/plan?clientId={clientId}");
        await WebFrontSuite.ScreenshotAsync(counsellor, "plan");
        Assert.Equal(1, await counsellor.Locator($"ul.steps a[href='/staff/referrals/{referralId}']").CountAsync());
        Assert.Equal(1, await counsellor.Locator($"ul.sent-referrals a[href='/staff/referrals/{referralId}']").CountAsync());
        await counsellor.Context.CloseAsync();
    }

    /// <summary>Signs in and waits for the page sign-in leads to, so the next navigation carries the cookie.</summary>
    private static async Task SignInAsync(IPage page, string email)
    {
        await Staff.SignInAsync(page, email);
        await page.WaitForURLAsync("**/staff/need");
    }

    /// <summary>Fills the new-referral form for the Ausländerbehörde's service: one topic, a reason, nothing else shared.</summary>
    private static async Task FillReferralAsync(IPage page, string clientId)
    {
        await page.GotoAsync($"/staff/referrals/new?clientId={clientId}");
        await page.Locator("#service").SelectOptionAsync(ReceivingService);
        await page.Locator("#topic-7").CheckAsync();
        await page.Locator("#reason").FillAsync("Aufenthaltstitel zur Beschäftigung klären.");
    }

    /// <summary>Sends a referral (recording the client's consent on the way when asked) and returns its id.</summary>
    private static async Task<string> SendReferralAsync(IPage page, string clientId, bool recordConsent)
    {
        await FillReferralAsync(page, clientId);
        if (recordConsent) await page.Locator("#consent-given").CheckAsync();
        await SubmitAndExpectCreatedAsync(page);
        return Regex.Match(page.Url, "/staff/referrals/([^?]+)").Groups[1].Value;
    }

    /// <summary>Sends the form; a page that stays on the form fails the test with what its alert says.</summary>
    private static async Task SubmitAndExpectCreatedAsync(IPage page)
    {
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.Locator("button[name=Send][value=true]").ClickAsync();
        var response = await posted;
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Locator("h1").WaitForAsync();
        if (!CreatedUrl().IsMatch(page.Url))
        {
            var alert = await page.Locator("[role=alert]").AllInnerTextsAsync();
            Assert.Fail($"Not sent ({page.Url}, {response.Status}): {string.Join(" | ", alert)} {await page.Locator("main").InnerTextAsync()}");
        }
    }

    [GeneratedRegex(@"/staff/referrals/[^/?]+\?created=true$")]
    private static partial Regex CreatedUrl();
}
