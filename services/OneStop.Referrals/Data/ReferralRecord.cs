namespace OneStop.Referrals.Data;

/// <summary>
/// One referral row. Enums are stored as their proto numbers; code lists (needs, languages, categories) as
/// comma-separated text, since they are only ever read with the row, never queried into.
/// </summary>
public sealed class ReferralRecord
{
    public required string Id { get; set; }
    public required string RegionAgs { get; set; }
    public required string SenderOrganizationId { get; set; }
    public required string SenderCounsellor { get; set; }
    public required string ReceiverServiceId { get; set; }
    public required string ReceiverOrganizationId { get; set; }
    public required string ClientId { get; set; }
    public int Urgency { get; set; }
    public required string SharedCategories { get; set; }
    public int State { get; set; }
    public int Outcome { get; set; }
    public string RejectionReason { get; set; } = "";
    public string StatusReason { get; set; } = "";
    public DateTime? DueAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public bool Overdue { get; set; }
    public string PlanStepId { get; set; } = "";
    public string AppointmentId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every change increments it, and an update of a stale row matches nothing.</summary>
    public long Version { get; set; }

    // Shared content: released to the receiver only under a covering consent.
    public required string Reason { get; set; }
    public required string Needs { get; set; }
    public string Languages { get; set; } = "";
    public bool InterpreterNeeded { get; set; }
    public string InterpreterLanguage { get; set; } = "";
    public string Note { get; set; } = "";
    /// <summary>The attachment references as JSON (uri, title, content type, category).</summary>
    public string Attachments { get; set; } = "[]";
}
