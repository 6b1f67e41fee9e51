namespace OneStop.Referrals.Data;

/// <summary>
/// One entry of a referral's history. Its database-generated <see cref="Sequence"/> is the global version
/// WatchReferrals resumes from; it is written in the same transaction as the change it records.
/// </summary>
public sealed class ReferralEventRecord
{
    public long Sequence { get; set; }
    public required string ReferralId { get; set; }
    public required string RegionAgs { get; set; }
    /// <summary>Copied from the referral so a watch of one organization filters without a join.</summary>
    public required string SenderOrganizationId { get; set; }
    public required string ReceiverOrganizationId { get; set; }
    public int Kind { get; set; }
    public DateTime At { get; set; }
    public string ActorOrganizationId { get; set; } = "";
    public string ActorSubject { get; set; } = "";
    public int ActorRole { get; set; }
    public int FromState { get; set; }
    public int ToState { get; set; }
    public int Outcome { get; set; }
    public string Reason { get; set; } = "";
    public string AppointmentId { get; set; } = "";
}
