using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Application;

/// <summary>Reading referrals: one (consent-checked and audited for the receiver), a history, inbox and outbox pages, the overdue list.</summary>
public sealed class ReferralQueries(ReferralsDbContext db, ConsentLedger consents, AuditLog audit, CommandTransaction transaction)
{
    /// <summary>
    /// The sender gets everything, a region admin the referral without content. The receiver gets the content only
    /// under a covering consent; the read is audited in the same transaction that decides it. Without a consent the
    /// refusal is audited and then PERMISSION_DENIED.
    /// </summary>
    public async Task<Referral> GetAsync(CallerIdentity caller, string referralId, CancellationToken ct)
    {
        var referral = await FindVisibleAsync(caller, referralId, ct);
        var role = ReferralAccess.RoleOf(caller, referral);
        if (role == ReferralRole.Sender) return ReferralMapping.Full(referral);
        if (role != ReferralRole.Receiver) return ReferralMapping.Summary(referral);

        var categories = ReferralAccess.SharedCategories(referral);
        var shown = await transaction.RunAsync(async () =>
        {
            var consent = await consents.FindCoveringAsync(referral.RegionAgs, referral.ClientId, caller.OrganizationId, ConsentPurpose.Referral,
                categories, transaction.Now, ct);
            audit.Stage(new AuditFacts(referral.RegionAgs, caller.Subject, caller.OrganizationId, referral.ClientId, ReferralAccess.Resource(referral),
                categories, ConsentPurpose.Referral, consent?.Id, consent is null ? AuditDecision.Denied : AuditDecision.Allowed), transaction.Now);
            return consent is not null;
        }, ct);
        if (!shown)
        {
            throw DomainException.PermissionDenied(
                $"No consent of the client currently lets your organization read this referral's content (categories {string.Join(", ", categories)}); " +
                "the referral exists, and this refusal is recorded in the audit log.");
        }
        return ReferralMapping.Full(referral);
    }

    public async Task<IReadOnlyList<ReferralEvent>> HistoryAsync(CallerIdentity caller, string referralId, CancellationToken ct)
    {
        await FindVisibleAsync(caller, referralId, ct);
        var events = await db.ReferralEvents.AsNoTracking().Where(e => e.ReferralId == referralId).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events.Select(ReferralMapping.ToProto).ToList();
    }

    /// <summary>The organization's inbox (drafts never show) or outbox, newest first; rows without content.</summary>
    public async Task<ListReferralsResponse> ListAsync(CallerIdentity caller, ListReferralsRequest request, CancellationToken ct)
    {
        var size = PageToken.Size(request.PageSize, 50, 200);
        var after = PageToken.Decode(request.PageToken);
        var region = caller.RegionAgs;
        var organization = caller.OrganizationId;
        var rows = db.Referrals.AsNoTracking().Where(r => r.RegionAgs == region);
        if (request.Box == Box.Outbox)
        {
            rows = rows.Where(r => r.SenderOrganizationId == organization);
            if (request.ClientId.Length > 0) rows = rows.Where(r => r.ClientId == request.ClientId);
        }
        else
        {
            rows = rows.Where(r => r.ReceiverOrganizationId == organization && r.State != (int)ReferralState.Draft);
        }
        if (request.States.Count > 0)
        {
            var states = request.States.Select(s => (int)s).Distinct().ToList();
            rows = states.Count == 1 ? rows.Where(r => r.State == states[0]) : rows.Where(r => states.Contains(r.State));
        }
        if (request.OverdueOnly) rows = rows.Where(r => r.Overdue);
        if (request.ServiceId.Length > 0) rows = rows.Where(r => r.ReceiverServiceId == request.ServiceId);
        if (after is { } token) rows = rows.Where(r => r.CreatedAt < token.At || (r.CreatedAt == token.At && r.Id.CompareTo(token.Id) < 0));
        var page = await rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(size + 1).ToListAsync(ct);

        var response = new ListReferralsResponse();
        response.Referrals.AddRange(page.Take(size).Select(ReferralMapping.Summary));
        if (page.Count > size) response.NextPageToken = new PageToken(page[size - 1].CreatedAt, page[size - 1].Id).Encode();
        return response;
    }

    /// <summary>Overdue referrals, oldest due first: the whole region for its admins, else the caller's organization's (either side).</summary>
    public async Task<ListOverdueResponse> ListOverdueAsync(CallerIdentity caller, ListOverdueRequest request, CancellationToken ct)
    {
        var size = PageToken.Size(request.PageSize, 50, 200);
        var after = PageToken.Decode(request.PageToken);
        var organization = caller.OrganizationId;
        var rows = db.Referrals.AsNoTracking().Where(r => r.RegionAgs == caller.RegionAgs && r.Overdue);
        if (!caller.IsInRole(OneStopRoles.RegionAdmin))
            rows = rows.Where(r => r.SenderOrganizationId == organization || r.ReceiverOrganizationId == organization);
        if (after is { } token) rows = rows.Where(r => r.DueAt > token.At || (r.DueAt == token.At && r.Id.CompareTo(token.Id) > 0));
        var page = await rows.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Take(size + 1).ToListAsync(ct);

        var response = new ListOverdueResponse();
        response.Referrals.AddRange(page.Take(size).Select(ReferralMapping.Summary));
        if (page.Count > size) response.NextPageToken = new PageToken(page[size - 1].DueAt!.Value, page[size - 1].Id).Encode();
        return response;
    }

    /// <summary>Events after <paramref name="fromVersion"/> the caller may watch, oldest first, with each referral's current summary.</summary>
    public async Task<IReadOnlyList<ReferralChange>> ChangesAfterAsync(CallerIdentity caller, long fromVersion, int max, CancellationToken ct)
    {
        var events = await WatchedEvents(caller).Where(e => e.Sequence > fromVersion).OrderBy(e => e.Sequence).Take(max).ToListAsync(ct);
        var ids = events.Select(e => e.ReferralId).Distinct().ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return events.Select(e => new ReferralChange
        {
            Version = e.Sequence,
            Event = ReferralMapping.ToProto(e),
            Referral = ReferralMapping.Summary(referrals[e.ReferralId]),
        }).ToList();
    }

    /// <summary>Whether a live change belongs on the caller's stream (the same rule as the replay's query).</summary>
    public static bool Watches(CallerIdentity caller, ReferralChange change) =>
        change.Referral.RegionAgs == caller.RegionAgs
        && (caller.IsInRole(OneStopRoles.RegionAdmin)
            || change.Referral.SenderOrganizationId == caller.OrganizationId
            || (change.Referral.ReceiverOrganizationId == caller.OrganizationId && change.Referral.State != ReferralState.Draft));

    private IQueryable<ReferralEventRecord> WatchedEvents(CallerIdentity caller)
    {
        var organization = caller.OrganizationId;
        var events = db.ReferralEvents.AsNoTracking().Where(e => e.RegionAgs == caller.RegionAgs);
        if (caller.IsInRole(OneStopRoles.RegionAdmin)) return events;
        // The receiver sees a referral's events from when it was sent: drafts are the sender's own business.
        return events.Where(e => e.SenderOrganizationId == organization
            || (e.ReceiverOrganizationId == organization && e.ToState != (int)ReferralState.Draft));
    }

    private async Task<ReferralRecord> FindVisibleAsync(CallerIdentity caller, string referralId, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId && r.RegionAgs == caller.RegionAgs, ct)
            ?? throw DomainException.NotFound("referral", referralId);
        ReferralAccess.RequireVisible(caller, referral);
        return referral;
    }
}
