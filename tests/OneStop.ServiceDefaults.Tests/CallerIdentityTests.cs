using System.Security.Claims;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.ServiceDefaults.Tests;

public sealed class CallerIdentityTests
{
    [Fact]
    public void Anonymous_principal_has_no_caller()
    {
        Assert.Null(CallerIdentity.From(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(CallerIdentity.From(null));
    }

    [Fact]
    public void Authenticated_principal_maps_claims_and_roles()
    {
        var identity = new ClaimsIdentity(
            [new Claim("sub", "a"), new Claim("org", "b"), new Claim("region", "05314"), new Claim("role", "frontdesk"), new Claim("role", "employer")],
            authenticationType: "Bearer");
        var caller = CallerIdentity.From(new ClaimsPrincipal(identity))!;
        Assert.Equal(("a", "b", "05314"), (caller.Subject, caller.OrganizationId, caller.RegionAgs));
        Assert.True(caller.IsInRole(OneStopRoles.Frontdesk));
        Assert.True(caller.IsInRole(OneStopRoles.Employer));
        Assert.False(caller.IsInRole(OneStopRoles.RegionAdmin));
    }

    [Fact]
    public void Scopes_come_from_the_space_separated_scope_and_scp_claims()
    {
        var identity = new ClaimsIdentity(
            [new Claim("sub", "a"), new Claim("scope", "openid  onestop.appointments.public-booking"), new Claim("scp", "directory.read")],
            authenticationType: "Bearer");
        var caller = CallerIdentity.From(new ClaimsPrincipal(identity))!;
        Assert.True(caller.HasScope(OneStopScopes.PublicBooking));
        Assert.True(caller.HasScope("directory.read"));
        Assert.True(caller.HasScope("openid"));
        Assert.False(caller.HasScope("onestop.appointments"));
        Assert.Empty(caller.Roles);
    }
}
