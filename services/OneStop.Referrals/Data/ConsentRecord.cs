namespace OneStop.Referrals.Data;

/// <summary>A client's consent. Recipients and categories are comma-separated (read with the row, matched in memory).</summary>
public sealed class ConsentRecord
{
    public required string Id { get; set; }
    public required string RegionAgs { get; set; }
    public required string ClientId { get; set; }
    public int Purpose { get; set; }
    public required string Recipients { get; set; }
    public required string Categories { get; set; }
    public DateTime ValidFrom { get; set; }
    public DateTime ValidUntil { get; set; }
    public int Method { get; set; }
    public string InterpreterLanguage { get; set; } = "";
    public required string RecordedByOrganizationId { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string WithdrawalNote { get; set; } = "";
    public long Version { get; set; }
}
