using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.ServiceDefaults.Data;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>
/// The <see cref="ServiceDefaults.Identity.IdentityProfile.Development"/> sign-in: ASP.NET Core Identity with the
/// gateway's own SQLite store and the seeded demo users; the web front mints the tokens for their calls.
/// </summary>
internal static class DemoStaffSignIn
{
    public const string IdentityDatabaseFile = "gateway-identity.db";

    public static void AddDemoStaffSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The sign-in store: always SQLite, next to the services' databases.
        var identityDatabase = Path.GetFullPath(Path.Combine(WebFrontExtensions.DataDirectory(builder), IdentityDatabaseFile));
        services.AddDbContext<GatewayIdentityDbContext>(o => o.UseSqlite($"Data Source={identityDatabase}"));
        services.AddHostedService<IdentityStoreMigration>();

        // Identity without Identity.UI and without taking over the default scheme (AddIdentity would): the cookie
        // schemes are added, and only the staff policy uses them.
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GatewayIdentityDbContext>()
            .AddSignInManager();
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(StaffSignIn.ConfigureCookie);
    }
}
