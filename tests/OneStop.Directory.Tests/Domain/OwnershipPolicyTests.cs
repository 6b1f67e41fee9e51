using OneStop.Directory.Domain;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Domain;

public sealed class OwnershipPolicyTests
{
    [Fact]
    public void Owning_organization_may_change_only_in_its_own_region()
    {
        Assert.True(OwnershipPolicy.MayChange(OrgA, Owned("org-a", Kreis)));
        // The caller's region is the Kreis; an entry the Gemeinde owns is the Gemeinde's to change.
        Assert.False(OwnershipPolicy.MayChange(OrgA, Owned("org-a", Gemeinde)));
    }

    [Fact]
    public void Region_admin_needs_the_exact_region()
    {
        Assert.True(OwnershipPolicy.MayChange(KreisAdmin, Owned("org-x", Kreis)));
        Assert.False(OwnershipPolicy.MayChange(KreisAdmin, Owned("org-x", Gemeinde)));
        Assert.True(OwnershipPolicy.MayChange(GemeindeAdmin, Owned("org-x", Gemeinde)));
        Assert.False(OwnershipPolicy.MayChange(GemeindeAdmin, Owned("org-x", Kreis)));
    }

    [Fact]
    public void Region_without_the_role_or_empty_claims_grant_nothing()
    {
        Assert.False(OwnershipPolicy.MayChange(OrgB, Owned("org-a", Kreis)));
        var empty = new CallerIdentity("nobody", "", "", new HashSet<string> { OneStopRoles.RegionAdmin });
        Assert.False(OwnershipPolicy.MayChange(empty, new Ownership()));
    }

    [Theory]
    [InlineData(OneStopRoles.Employer)]
    [InlineData(OneStopRoles.Frontdesk)]
    [InlineData(OneStopRoles.Counsellor)]
    public void The_owning_organization_without_a_writer_role_may_not_change(string role)
    {
        var caller = new CallerIdentity("staff-a", "org-a", Kreis, new HashSet<string> { role });
        Assert.False(OwnershipPolicy.MayWrite(caller));
        Assert.False(OwnershipPolicy.MayChange(caller, Owned("org-a", Kreis)));
    }
}
