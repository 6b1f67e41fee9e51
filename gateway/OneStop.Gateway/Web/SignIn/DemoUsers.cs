using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>
/// The demo staff of the demo county (Kreis Lippe, AGS 05766), written by <c>dotnet OneStop.Gateway.dll seed</c>.
/// Idempotent: existing users keep their passwords; missing roles and claims are added. The logins are listed in
/// docs/web-front.md. DEMO ONLY: the password is public.
/// </summary>
public static class DemoUsers
{
    public const string Password = "OneStop-Demo-2026!";
    public const string RegionAgs = "05766";

    public static readonly IReadOnlyList<(string Email, string Role, string OrganizationId)> All =
    [
        ("frontdesk@onestop.local", OneStopRoles.Frontdesk, "org-ip-lippe"),
        ("counsellor@onestop.local", OneStopRoles.Counsellor, "org-abh-lippe"),
        ("admin@onestop.local", OneStopRoles.RegionAdmin, "org-ip-lippe"),
    ];

    /// <summary>The roles a staff page accepts.</summary>
    public static readonly string[] StaffRoles = [OneStopRoles.Frontdesk, OneStopRoles.Counsellor, OneStopRoles.RegionAdmin];

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GatewayIdentityDbContext>().Database.MigrateAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var role in StaffRoles)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
        foreach (var (email, role, organization) in All)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
                Check(await users.CreateAsync(user, Password), email);
                logger.LogInformation("Demo user {Email} ({Role}) created", email, role);
            }
            if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role), email);
            var claims = await users.GetClaimsAsync(user);
            foreach (var claim in new[] { new Claim(OneStopClaimTypes.Organization, organization), new Claim(OneStopClaimTypes.Region, RegionAgs) })
            {
                if (!claims.Any(c => c.Type == claim.Type && c.Value == claim.Value)) Check(await users.AddClaimAsync(user, claim), email);
            }
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
