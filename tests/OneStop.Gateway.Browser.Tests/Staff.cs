using Microsoft.Playwright;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>Steps the front-desk tests share.</summary>
internal static class Staff
{
    public const string FrontDesk = "frontdesk@onestop.local";
    /// <summary>A counsellor of the Ausländerbehörde (org-abh-lippe).</summary>
    public const string Counsellor = "counsellor@onestop.local";
    public const string Password = "OneStop-Demo-2026!";
    public const string Kreishaus = "loc-kreishaus-detmold";

    public static async Task SignInAsync(IPage page, string email = FrontDesk, string password = Password)
    {
        await page.GotoAsync("/staff/signin");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
    }

    /// <summary>From the need page to a held slot: the Welcome Center type, optionally described as an ad-hoc agency pool.</summary>
    public static async Task HoldFirstSlotAsync(IPage page, string clientId, bool describePools)
    {
        await page.GotoAsync("/staff/need");
        await page.Locator("#client-id").FillAsync(clientId);
        await page.Locator("#type").SelectOptionAsync("type-welcome-erstberatung");
        if (describePools)
        {
            await page.Locator("#agency-0").SelectOptionAsync("org-wc-lippe");
            await page.Locator("#topic-0").SelectOptionAsync("1"); // Arbeit
            await page.Locator("#blocked-day-0").SelectOptionAsync("1"); // Monday mornings blocked
            await page.Locator("#blocked-from-0").FillAsync("08:00");
            await page.Locator("#blocked-to-0").FillAsync("12:00");
        }
        await page.Locator(".need-form button[type=submit]").ClickAsync();
        await page.Locator("#slots-heading").WaitForAsync();
        await WebFrontSuite.ScreenshotAsync(page, describePools ? "frontdesk-need-slots" : "frontdesk-need-slots-by-type");
        await page.Locator(".slots .slot button").First.ClickAsync();
        await page.WaitForURLAsync("**/staff/book");
    }
}
