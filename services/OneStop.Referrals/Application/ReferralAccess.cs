using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Application;

/// <summary>Which side of a referral a caller is on, and whether the referral exists for the caller at all.</summary>
public static class ReferralAccess
{
    public static ReferralRole RoleOf(CallerIdentity caller, ReferralRecord referral) =>
        caller.OrganizationId.Length == 0 ? ReferralRole.Unspecified
        : caller.OrganizationId == referral.SenderOrganizationId ? ReferralRole.Sender
        : caller.OrganizationId == referral.ReceiverOrganizationId && referral.State != (int)ReferralState.Draft ? ReferralRole.Receiver
        : ReferralRole.Unspecified;

    /// <summary>
    /// Sender, receiver (once sent) and the region's admins see a referral; for anyone else in the region it does not
    /// exist (NOT_FOUND), as for every other region (the region filter is in the query).
    /// </summary>
    public static ReferralRole RequireVisible(CallerIdentity caller, ReferralRecord referral)
    {
        var role = RoleOf(caller, referral);
        if (role == ReferralRole.Unspecified && !caller.IsInRole(OneStopRoles.RegionAdmin)) throw DomainException.NotFound("referral", referral.Id);
        return role;
    }

    /// <summary>The consent a receiver needs to read the content: purpose REFERRAL, every shared category.</summary>
    public static IReadOnlyCollection<DataCategory> SharedCategories(ReferralRecord referral) => Codes.Split<DataCategory>(referral.SharedCategories);

    public static string Resource(ReferralRecord referral) => $"referral/{referral.Id}";
}
