using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>Errors a visitor or staff member can cause: the right status, the site's layout and language, no account revealed.</summary>
[Collection(WebFrontCollection.Name)]
public sealed class ErrorPagesTests(WebFrontSuite suite)
{
    [Fact(Timeout = 120_000)]
    public async Task An_unknown_page_is_a_404_with_the_site_header_the_language_and_the_language_switch()
    {
        var page = await suite.NewPageAsync();
        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await AssertLayoutAsync(page, "de");
        Assert.Contains("Diese Seite gibt es nicht.", await page.Locator("#error-text").InnerTextAsync());

        // The switch goes back to the address asked for, now in Arabic, still a 404.
        await page.Locator("#language-choice").SelectOptionAsync("ar");
        var switched = await page.RunAndWaitForResponseAsync(
            () => page.Locator(".language-form button").ClickAsync(), r => r.Url.EndsWith("/no-such-page", StringComparison.Ordinal));
        Assert.Equal(404, switched.Status);
        await AssertLayoutAsync(page, "ar");
        Assert.Contains("هذه الصفحة غير موجودة.", await page.Locator("#error-text").InnerTextAsync());
        await WebFrontSuite.ScreenshotAsync(page, "error-404-arabic");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_tampered_offer_is_a_400_page_with_the_layout_a_sentence_and_fresh_times()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/services/svc-wc-ankommen/appointment?culture=en");
        await page.Locator(".slots .slot input[name=offer]").First.EvaluateAsync("e => e.value = 'tampered'");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator(".slots .slot button").First.ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await AssertLayoutAsync(page, "en");
        Assert.Contains("the offer has expired or was altered", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.True(await page.Locator(".slots .slot").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_service_that_does_not_exist_is_a_404_also_for_its_appointment_page()
    {
        var page = await suite.NewPageAsync();
        var details = await page.GotoAsync("/services/svc-does-not-exist");
        Assert.Equal(404, details!.Status);
        await AssertLayoutAsync(page, "de");
        var request = await page.GotoAsync("/services/svc-does-not-exist/appointment");
        Assert.Equal(404, request!.Status);
        await AssertLayoutAsync(page, "de");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_appointment_is_a_404_with_the_page()
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");
        var response = await page.GotoAsync("/staff/appointments/appt-does-not-exist");
        Assert.Equal(404, response!.Status);
        await AssertLayoutAsync(page, "de");
        Assert.Equal("Das wurde nicht gefunden.", await page.Locator("[role=alert]").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Theory(Timeout = 120_000)]
    [InlineData("/staff/appointments/appt-does-not-exist/reschedule", 404)]
    [InlineData("/staff/appointments/appt-does-not-exist/ics", 404)]
    [InlineData("/staff/appointments/not%20an%20id!/reschedule", 400)]
    [InlineData("/staff/appointments/not%20an%20id!/ics", 400)]
    public async Task Moving_or_downloading_an_unknown_appointment_is_a_404_and_an_invalid_id_a_400_with_the_layout(string path, int status)
    {
        var page = await suite.NewPageAsync();
        await Staff.SignInAsync(page);
        await page.WaitForURLAsync("**/staff/need");
        var response = await page.GotoAsync(path);
        Assert.Equal(status, response!.Status);
        await AssertLayoutAsync(page, "de");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Sign_in_with_an_empty_email_is_a_400_with_the_form_and_a_message()
    {
        var page = await suite.NewPageAsync();
        await page.GotoAsync("/staff/signin");
        // As a client without browser validation would send it.
        await page.Locator("#email").EvaluateAsync("e => e.removeAttribute('required')");
        await page.Locator("#password").FillAsync("some-password");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await AssertLayoutAsync(page, "de");
        Assert.Equal("Bitte geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal(1, await page.Locator("main form #email").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task After_five_wrong_passwords_a_real_account_and_an_unknown_address_get_the_same_answer()
    {
        const string real = "lockout-test@onestop.local";
        const string password = "Lockout-Test-2026!";
        using (var scope = suite.GatewayServices.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = real, Email = real, EmailConfirmed = true }, password)).Succeeded);
        }

        var page = await suite.NewPageAsync();
        async Task<(int Status, string Text)> AttemptAsync(string email, string pass)
        {
            await page.GotoAsync("/staff/signin");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync(pass);
            var response = await page.RunAndWaitForResponseAsync(
                () => page.Locator("main button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
            return (response.Status, await page.Locator("main").InnerTextAsync());
        }

        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync(real, "wrong-password-" + i);
            await AttemptAsync("nobody-here@onestop.local", "wrong-password-" + i);
        }
        // The real account is locked now: even its right password is refused, with the answer an unknown address gets.
        var locked = await AttemptAsync(real, password);
        var unknown = await AttemptAsync("nobody-here@onestop.local", "wrong-password-5");
        Assert.Equal(401, locked.Status);
        Assert.Equal(unknown, locked);
        Assert.DoesNotContain("/staff/need", page.Url);
        Assert.Contains("15", locked.Text); // the lockout rule is stated to everyone
        await page.Context.CloseAsync();
    }

    private static async Task AssertLayoutAsync(IPage page, string language)
    {
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(1, await page.Locator("header.site-header").CountAsync());
        Assert.Equal(language, await page.Locator("#language-choice").InputValueAsync());
        Assert.Equal(1, await page.Locator("nav a[href='/']").CountAsync());
    }
}
