using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>Signing out is a POST (antiforgery-checked), so a link elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/staff/signin?signedOut=true");
    }

    public IActionResult OnGet() => LocalRedirect("/staff/need");
}
