using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Tests.Domain;

public sealed class AutoAcceptRuleTests
{
    private static Resource Counsellor(string organization, bool flagged) =>
        new() { Id = "res-1", Kind = ResourceKind.Counsellor, OrganizationId = organization, AutoAccept = flagged };

    [Fact]
    public void A_listed_agency_accepts_for_a_resource_without_the_flag()
    {
        var rule = new AutoAcceptRule(["org-aa"]);
        Assert.Equal(ParticipantStatus.Accepted, rule.AtBooking(Counsellor("org-aa", flagged: false)));
    }

    [Fact]
    public void A_flagged_resource_accepts_even_when_its_agency_is_not_listed()
    {
        var rule = new AutoAcceptRule([]);
        Assert.Equal(ParticipantStatus.Accepted, rule.AtBooking(Counsellor("org-abh", flagged: true)));
    }

    [Fact]
    public void Neither_flag_nor_listing_needs_action()
    {
        var rule = new AutoAcceptRule(["org-aa"]);
        Assert.Equal(ParticipantStatus.NeedsAction, rule.AtBooking(Counsellor("org-mbe", flagged: false)));
    }
}
