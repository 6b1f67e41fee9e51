namespace OneStop.Referrals.Data;

/// <summary>A client's one integration plan (Förderplan) in a region.</summary>
public sealed class PlanRecord
{
    public required string Id { get; set; }
    public required string RegionAgs { get; set; }
    public required string ClientId { get; set; }
    public required string ResponsibleOrganizationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
    public List<GoalRecord> Goals { get; set; } = [];
}

public sealed class GoalRecord
{
    public required string Id { get; set; }
    public required string PlanId { get; set; }
    public required string Title { get; set; }
    public int Category { get; set; }
    public required string OwnerOrganizationId { get; set; }
    public int Status { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<StepRecord> Steps { get; set; } = [];
}

public sealed class StepRecord
{
    public required string Id { get; set; }
    public required string GoalId { get; set; }
    public required string PlanId { get; set; }
    public required string Title { get; set; }
    public required string OwnerOrganizationId { get; set; }
    public int Status { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}
