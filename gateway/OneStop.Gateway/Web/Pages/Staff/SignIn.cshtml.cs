using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>Staff sign-in with ASP.NET Core Identity (own page, no Identity.UI). Five failures lock the account for 15 minutes.</summary>
public sealed class SignInModel(SignInManager<IdentityUser> signIn, UiText text) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool SignedOut { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = Email.Length is > 0 and <= 256 && Password.Length is > 0 and <= 256
            ? await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff/need");
        Error = result.IsLockedOut ? text["signin.lockedOut"] : text["signin.failed"];
        Password = "";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
