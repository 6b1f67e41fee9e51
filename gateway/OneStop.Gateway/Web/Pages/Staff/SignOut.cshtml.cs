using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.SignIn;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// Signing out is a POST (antiforgery-checked), so a link elsewhere cannot sign anyone out. With an external issuer
/// the session there ends too (its end-session endpoint), then the browser comes back to the sign-in page.
/// </summary>
public sealed class SignOutModel(WebFrontProfile profile) : PageModel
{
    private const string SignedOutPage = StaffSignIn.SignInPath + "?signedOut=true";

    public async Task<IActionResult> OnPostAsync([FromServices] IServiceProvider services)
    {
        if (profile.SignsInExternally)
            return SignOut(new AuthenticationProperties { RedirectUri = SignedOutPage }, StaffSignIn.CookieScheme, StaffSignIn.OidcScheme);
        await services.GetRequiredService<SignInManager<IdentityUser>>().SignOutAsync();
        return LocalRedirect(SignedOutPage);
    }

    public IActionResult OnGet() => LocalRedirect("/staff/need");
}
