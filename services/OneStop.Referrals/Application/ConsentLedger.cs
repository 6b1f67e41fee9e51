using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.Domain.Consent;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Application;

/// <summary>The consent ledger: recording, listing and withdrawing consents, and deciding whether one covers a read.</summary>
public sealed class ConsentLedger(ReferralsDbContext db, CommandTransaction transaction, AuditLog audit)
{
    /// <summary>The covering consent that lasts longest, or null (see <see cref="ConsentCoverage"/>).</summary>
    public async Task<ConsentTerms?> FindCoveringAsync(string regionAgs, string clientId, string organizationId, ConsentPurpose purpose,
        IReadOnlyCollection<DataCategory> categories, DateTime nowUtc, CancellationToken ct)
    {
        // A client has a handful of consents: load them and decide in memory, where the rule is written once.
        var rows = await db.Consents.AsNoTracking()
            .Where(c => c.RegionAgs == regionAgs && c.ClientId == clientId && c.Purpose == (int)purpose && c.WithdrawnAt == null)
            .ToListAsync(ct);
        return ConsentCoverage.Best(rows.Select(Terms), clientId, organizationId, purpose, categories, nowUtc);
    }

    public static ConsentTerms Terms(ConsentRecord c) => new(c.Id, c.ClientId, (ConsentPurpose)c.Purpose, Codes.SplitIds(c.Recipients),
        Codes.Split<DataCategory>(c.Categories), ReferralMapping.Utc(c.ValidFrom), ReferralMapping.Utc(c.ValidUntil),
        c.WithdrawnAt is { } w ? ReferralMapping.Utc(w) : null);

    public Task<Consent> RecordAsync(CallerIdentity caller, RecordConsentRequest request, CancellationToken ct) =>
        transaction.RunAsync(() => Task.FromResult(ToProto(Stage(caller, request))), ct);

    /// <summary>Adds a consent to the running command's transaction (<see cref="RecordAsync"/>, and the family intake's).</summary>
    public ConsentRecord Stage(CallerIdentity caller, RecordConsentRequest request)
    {
        var validFrom = request.ValidFrom is { } from ? from.ToDateTime() : transaction.Now;
        var record = new ConsentRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            RegionAgs = caller.RegionAgs,
            ClientId = request.ClientId,
            Purpose = (int)request.Purpose,
            Recipients = Codes.JoinIds(request.RecipientOrganizationIds),
            Categories = Codes.Join(request.Categories),
            ValidFrom = validFrom,
            ValidUntil = request.ValidUntil.ToDateTime(),
            Method = (int)request.Method,
            InterpreterLanguage = request.InterpreterLanguage,
            RecordedByOrganizationId = caller.OrganizationId,
            RecordedBy = caller.Subject,
            RecordedAt = transaction.Now,
            Version = 1,
        };
        db.Consents.Add(record);
        return record;
    }

    public async Task<IReadOnlyList<Consent>> ForClientAsync(string regionAgs, string clientId, CancellationToken ct) =>
        (await db.Consents.AsNoTracking().Where(c => c.RegionAgs == regionAgs && c.ClientId == clientId).ToListAsync(ct))
            .OrderByDescending(c => c.RecordedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(ToProto).ToList();

    public Task<Consent> WithdrawAsync(CallerIdentity caller, WithdrawConsentRequest request, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var record = await db.Consents.SingleOrDefaultAsync(c => c.Id == request.ConsentId && c.RegionAgs == caller.RegionAgs, ct)
                ?? throw DomainException.NotFound("consent", request.ConsentId);
            if (record.Version != request.ExpectedVersion) throw DomainException.Stale("The consent", request.ExpectedVersion, record.Version);
            if (record.WithdrawnAt is not null) throw DomainException.FailedPrecondition("The consent is already withdrawn.");
            record.WithdrawnAt = transaction.Now;
            record.WithdrawalNote = request.Note;
            record.Version++;
            return ToProto(record);
        }, ct);

    /// <summary>CheckConsent: the decision, audited as a read by the organization asked about (allowed or refused).</summary>
    public Task<CheckConsentResponse> CheckAsync(CallerIdentity caller, CheckConsentRequest request, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var now = transaction.Now;
            var consent = await FindCoveringAsync(caller.RegionAgs, request.ClientId, request.OrganizationId, request.Purpose, [request.Category], now, ct);
            audit.Stage(new AuditFacts(caller.RegionAgs, caller.Subject, request.OrganizationId, request.ClientId, request.Resource,
                [request.Category], request.Purpose, consent?.Id, consent is null ? AuditDecision.Denied : AuditDecision.Allowed), now);
            return consent is null
                ? new CheckConsentResponse { Allowed = false }
                : new CheckConsentResponse { Allowed = true, ConsentId = consent.Id, ValidUntil = ReferralMapping.Stamp(consent.ValidUntilUtc) };
        }, ct);

    public static Consent ToProto(ConsentRecord c)
    {
        var consent = new Consent
        {
            Id = c.Id,
            RegionAgs = c.RegionAgs,
            ClientId = c.ClientId,
            Purpose = (ConsentPurpose)c.Purpose,
            ValidFrom = ReferralMapping.Stamp(c.ValidFrom),
            ValidUntil = ReferralMapping.Stamp(c.ValidUntil),
            Method = (ConsentMethod)c.Method,
            InterpreterLanguage = c.InterpreterLanguage,
            RecordedByOrganizationId = c.RecordedByOrganizationId,
            RecordedBy = c.RecordedBy,
            RecordedAt = ReferralMapping.Stamp(c.RecordedAt),
            WithdrawalNote = c.WithdrawalNote,
            Version = c.Version,
        };
        consent.RecipientOrganizationIds.AddRange(Codes.SplitIds(c.Recipients));
        consent.Categories.AddRange(Codes.Split<DataCategory>(c.Categories));
        if (c.WithdrawnAt is { } withdrawn) consent.WithdrawnAt = ReferralMapping.Stamp(withdrawn);
        return consent;
    }
}
