using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>
/// The <see cref="ServiceDefaults.Identity.IdentityProfile.EntraId"/> sign-in: Microsoft.Identity.Web signs staff in
/// with the web front's own app registration and acquires, per user, access tokens for the services' API
/// (<see cref="WebFrontOptions.ServiceScopes"/>), which the staff pages' gRPC calls carry.
/// </summary>
internal static class EntraIdStaffSignIn
{
    public static void AddEntraIdStaffSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StaffSignIn.EntraIdSectionName);
        if (string.IsNullOrWhiteSpace(section["ClientId"]) || string.IsNullOrWhiteSpace(section["TenantId"]))
            throw new InvalidOperationException($"The EntraId identity profile's web front needs {StaffSignIn.EntraIdSectionName}:ClientId, TenantId and a client credential.");
        var scopes = builder.Configuration.GetSection(WebFrontOptions.SectionName).Get<WebFrontOptions>()?.ServiceScopes ?? [];
        if (scopes.Length == 0)
            throw new InvalidOperationException($"The EntraId identity profile's web front needs {WebFrontOptions.SectionName}:ServiceScopes (e.g. api://<services' client id>/.default).");

        builder.Services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(section, StaffSignIn.OidcScheme, StaffSignIn.CookieScheme)
            .EnableTokenAcquisitionToCallDownstreamApi(scopes)
            // Per gateway instance: a restart or another replica asks the user's browser round the issuer once more.
            .AddInMemoryTokenCaches();
        builder.Services.PostConfigure<CookieAuthenticationOptions>(StaffSignIn.CookieScheme, o => StaffSignIn.ConfigureCookie(o, SameSiteMode.Lax));
        builder.Services.PostConfigure<OpenIdConnectOptions>(StaffSignIn.OidcScheme, o => o.SignedOutCallbackPath = "/staff/signout-callback");
    }

    /// <summary>
    /// A session whose tokens this gateway no longer holds (a restart, another replica: the cache is in memory) makes
    /// token acquisition throw; Identity.Web's filter turns that into a sign-in round trip instead of an error page.
    /// </summary>
    public static void ReauthenticateWhenNoTokenIsCached(Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions pages, IConfiguration configuration)
    {
        var scopes = configuration.GetSection(WebFrontOptions.SectionName).Get<WebFrontOptions>()?.ServiceScopes ?? [];
        pages.Conventions.AddFolderApplicationModelConvention("/Staff", model =>
            model.Filters.Add(new AuthorizeForScopesAttribute { Scopes = scopes, AuthenticationScheme = StaffSignIn.OidcScheme }));
    }
}
