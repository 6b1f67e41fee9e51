using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>
/// The <see cref="IdentityProfile.Oidc"/> sign-in: the issuer's sign-in page through OpenID Connect (code flow with
/// PKCE, as a confidential client). The issuer's access token is kept in the session (SaveTokens), and the staff
/// pages' gRPC calls carry it, so the services see the same token and claims the issuer issued.
/// </summary>
internal static class OidcStaffSignIn
{
    public static void AddOidcStaffSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StaffSignIn.OidcSectionName);
        var serviceAuthority = builder.Configuration[OneStopAuthOptions.SectionName + ":" + nameof(OneStopAuthOptions.Authority)];
        if (string.IsNullOrWhiteSpace(section["ClientId"]))
            throw new InvalidOperationException($"The Oidc identity profile's web front needs {StaffSignIn.OidcSectionName}:ClientId (and ClientSecret).");

        builder.Services.AddAuthentication()
            .AddCookie(StaffSignIn.CookieScheme, o =>
            {
                StaffSignIn.ConfigureCookie(o, SameSiteMode.Lax);
                // The session is only as good as the access token the pages call with: once it has expired, the next
                // page goes back through the issuer (silently, while the issuer's own session lasts).
                o.Events.OnValidatePrincipal = RejectWhenAccessTokenExpired;
            })
            .AddOpenIdConnect(StaffSignIn.OidcScheme, o =>
            {
                section.Bind(o);
                if (string.IsNullOrWhiteSpace(o.Authority) && string.IsNullOrWhiteSpace(o.MetadataAddress)) o.Authority = serviceAuthority;
                o.SignInScheme = StaffSignIn.CookieScheme;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "preferred_username";
                o.TokenValidationParameters.RoleClaimType = OneStopClaimTypes.Role;
                o.SignedOutCallbackPath = "/staff/signout-callback";
            });
    }

    private static async Task RejectWhenAccessTokenExpired(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            || expires <= clock.GetUtcNow())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffSignIn.CookieScheme);
        }
    }
}
