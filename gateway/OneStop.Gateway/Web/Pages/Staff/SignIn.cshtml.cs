using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.SignIn;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// Staff sign-in. With an external issuer (Oidc, EntraId profiles) the page sends the browser to the issuer's own
/// sign-in page. In Development it is a form for the demo store (ASP.NET Core Identity, no Identity.UI), where five
/// failures lock the account for 15 minutes.
/// </summary>
public sealed class SignInModel(WebFrontProfile profile, UiText text) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool SignedOut { get; set; }
    public string? Error { get; private set; }

    /// <summary>The issuer's page is where staff sign in; this page only says so after a sign-out.</summary>
    public bool SignsInExternally => profile.SignsInExternally;

    private string LocalReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff/need";

    public IActionResult OnGet()
    {
        // After signing out, stay here: going straight back to the issuer could sign the user in again at once.
        if (SignsInExternally && !SignedOut)
            return Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl }, StaffSignIn.OidcScheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IServiceProvider services)
    {
        if (SignsInExternally) return NotFound();
        var signIn = services.GetRequiredService<SignInManager<IdentityUser>>();
        var result = Email.Length is > 0 and <= 256 && Password.Length is > 0 and <= 256
            ? await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded) return LocalRedirect(LocalReturnUrl);
        Error = result.IsLockedOut ? text["signin.lockedOut"] : text["signin.failed"];
        Password = "";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
