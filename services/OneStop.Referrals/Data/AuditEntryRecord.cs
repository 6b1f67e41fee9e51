namespace OneStop.Referrals.Data;

/// <summary>One read, or refused read, of a client's shared data by another organization. Append-only.</summary>
public sealed class AuditEntryRecord
{
    public long Id { get; set; }
    public required string RegionAgs { get; set; }
    public DateTime At { get; set; }
    public required string ActorSubject { get; set; }
    public required string ActorOrganizationId { get; set; }
    public required string ClientId { get; set; }
    public required string Resource { get; set; }
    public required string Categories { get; set; }
    public int Purpose { get; set; }
    public string ConsentId { get; set; } = "";
    public int Decision { get; set; }
    /// <summary>Set for a disclosure (a referral sent): the organization the data was made available to.</summary>
    public string DisclosedToOrganizationId { get; set; } = "";
}
