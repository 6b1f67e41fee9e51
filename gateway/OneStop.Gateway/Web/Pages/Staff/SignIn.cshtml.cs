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
    public bool ShowLockoutHint { get; private set; }

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
        // Model binding turns an empty field into null; the browser's `required` is not a check.
        Email = Email?.Trim() ?? "";
        Password ??= "";
        if (Email.Length is 0 or > 256 || Password.Length is 0 or > 256)
        {
            Error = text["signin.missing"];
            Password = "";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var signIn = services.GetRequiredService<SignInManager<IdentityUser>>();
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(LocalReturnUrl);
        // One answer for a wrong password, a locked account and an address without an account: telling "locked"
        // apart would reveal which addresses have accounts. The page always states the lockout rule instead.
        Error = text["signin.failed"];
        ShowLockoutHint = true;
        Password = "";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
