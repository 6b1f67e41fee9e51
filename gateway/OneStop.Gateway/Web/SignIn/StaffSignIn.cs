using Microsoft.AspNetCore.Identity;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>
/// How staff sign in to the web front, one way per <see cref="IdentityProfile"/>: the local demo store in Development,
/// the issuer's own sign-in page (OpenID Connect, code flow) with Oidc and EntraId. Whichever it is, the staff pages
/// authenticate with the cookie scheme named here, and an unauthenticated visit goes to <c>/staff/signin</c>.
/// </summary>
public static class StaffSignIn
{
    /// <summary>The cookie that holds a staff session signed in at an external issuer.</summary>
    public const string CookieScheme = "onestop.staff";

    /// <summary>The OpenID Connect handler that talks to the external issuer.</summary>
    public const string OidcScheme = "onestop.staff.oidc";

    public const string SignInPath = "/staff/signin";
    public const string SignOutPath = "/staff/signout";

    /// <summary>The web front's own client registration at a generic OIDC issuer (any <c>OpenIdConnectOptions</c> property).</summary>
    public const string OidcSectionName = WebFrontOptions.SectionName + ":Oidc";

    /// <summary>The web front's own app registration in Entra ID (Instance, TenantId, ClientId, ClientSecret …).</summary>
    public const string EntraIdSectionName = WebFrontOptions.SectionName + ":EntraId";

    /// <summary>Registers the profile's sign-in and returns the cookie scheme the staff pages authenticate with.</summary>
    public static string AddStaffSignIn(this WebApplicationBuilder builder, IdentityProfile profile)
    {
        switch (profile)
        {
            case IdentityProfile.Oidc:
                builder.AddOidcStaffSignIn();
                return CookieScheme;
            case IdentityProfile.EntraId:
                builder.AddEntraIdStaffSignIn();
                return CookieScheme;
            default:
                builder.AddDemoStaffSignIn();
                return IdentityConstants.ApplicationScheme;
        }
    }

    /// <summary>
    /// Staff session cookies: HTTP only, eight hours at most, first-party only. A session an external issuer starts
    /// arrives on a cross-site request (the issuer posts back to the web front), so that cookie is Lax, not Strict:
    /// a Strict one would be withheld on the very next page, which would then send the user round the issuer again.
    /// </summary>
    internal static void ConfigureCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions o) => ConfigureCookie(o, SameSiteMode.Strict);

    internal static void ConfigureCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions o, SameSiteMode sameSite)
    {
        o.Cookie.Name = "onestop.staff";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = sameSite;
        o.LoginPath = SignInPath;
        o.LogoutPath = SignOutPath;
        o.AccessDeniedPath = SignInPath;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
    }
}
