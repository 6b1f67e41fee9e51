using OneStop.Referrals.Data;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Application;

/// <summary>What one audit entry says.</summary>
public sealed record AuditFacts(
    string RegionAgs,
    string ActorSubject,
    string ActorOrganizationId,
    string ClientId,
    string Resource,
    IEnumerable<DataCategory> Categories,
    ConsentPurpose Purpose,
    string? ConsentId,
    AuditDecision Decision,
    string DisclosedToOrganizationId = "");

/// <summary>
/// The audit log: every read of a client's shared data by another organization, allowed or refused, and every
/// disclosure. An allowed read is staged in the command that serves it; a refusal is written in a transaction of
/// its own before the refusal is returned, so the caller's failure does not roll it back.
/// </summary>
public sealed class AuditLog(ReferralsDbContext db, CommandTransaction transaction)
{
    /// <summary>Stages an entry in the current command's transaction.</summary>
    public void Stage(AuditFacts facts, DateTime now) => db.AuditEntries.Add(new AuditEntryRecord
    {
        RegionAgs = facts.RegionAgs,
        At = now,
        ActorSubject = facts.ActorSubject,
        ActorOrganizationId = facts.ActorOrganizationId,
        ClientId = facts.ClientId,
        Resource = facts.Resource,
        Categories = Codes.Join(facts.Categories),
        Purpose = (int)facts.Purpose,
        ConsentId = facts.ConsentId ?? "",
        Decision = (int)facts.Decision,
        DisclosedToOrganizationId = facts.DisclosedToOrganizationId,
    });

    /// <summary>Writes one entry as a command of its own (for refusals).</summary>
    public Task WriteAsync(AuditFacts facts, CancellationToken ct) =>
        transaction.RunAsync(() =>
        {
            Stage(facts, transaction.Now);
            return Task.FromResult(true);
        }, ct);

    public static AuditEntry ToProto(AuditEntryRecord r)
    {
        var entry = new AuditEntry
        {
            Id = r.Id,
            At = ReferralMapping.Stamp(r.At),
            ActorSubject = r.ActorSubject,
            ActorOrganizationId = r.ActorOrganizationId,
            ClientId = r.ClientId,
            Resource = r.Resource,
            Purpose = (ConsentPurpose)r.Purpose,
            ConsentId = r.ConsentId,
            Decision = (AuditDecision)r.Decision,
            DisclosedToOrganizationId = r.DisclosedToOrganizationId,
        };
        entry.Categories.AddRange(Codes.Split<DataCategory>(r.Categories));
        return entry;
    }
}
