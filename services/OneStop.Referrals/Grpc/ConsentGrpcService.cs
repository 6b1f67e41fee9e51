using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Application;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Grpc;

/// <summary>The consent ledger and its audit log over gRPC; CheckConsent is what other services call.</summary>
public sealed class ConsentGrpcService(ConsentLedger ledger, ReferralsDbContext db, TimeProvider clock) : ConsentService.ConsentServiceBase
{
    public override Task<Consent> RecordConsent(RecordConsentRequest request, ServerCallContext context)
    {
        var caller = RequireFrontline(context);
        RequestValidator.Validate(request, clock.GetUtcNow().UtcDateTime);
        return ledger.RecordAsync(caller, request, context.CancellationToken);
    }

    public override async Task<GetConsentsResponse> GetConsents(GetConsentsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaffOrAdmin(context);
        RequestValidator.Id("client_id", request.ClientId);
        var response = new GetConsentsResponse();
        response.Consents.AddRange(await ledger.ForClientAsync(caller.RegionAgs, request.ClientId, context.CancellationToken));
        return response;
    }

    public override Task<Consent> WithdrawConsent(WithdrawConsentRequest request, ServerCallContext context)
    {
        var caller = RequireFrontline(context);
        RequestValidator.Validate(request);
        return ledger.WithdrawAsync(caller, request, context.CancellationToken);
    }

    public override Task<CheckConsentResponse> CheckConsent(CheckConsentRequest request, ServerCallContext context)
    {
        // Agency staff and systems (other services call with an agency-system token) and region admins; not a
        // resident's token, which could otherwise probe whom a client has consented to.
        var caller = Callers.RequireStaffOrAdmin(context);
        RequestValidator.Validate(request);
        return ledger.CheckAsync(caller, request, context.CancellationToken);
    }

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaffOrAdmin(context);
        var admin = caller.IsInRole(OneStopRoles.RegionAdmin);
        if (!admin) RequestValidator.Id("client_id", request.ClientId);
        var size = PageToken.Size(request.PageSize, 100, 500);
        long after = long.MaxValue;
        if (request.PageToken.Length > 0 && !long.TryParse(request.PageToken, out after))
            throw DomainException.InvalidArgument("page_token", "is not a token this service returned");

        var rows = db.AuditEntries.AsNoTracking().Where(a => a.RegionAgs == caller.RegionAgs && a.Id < after);
        if (request.ClientId.Length > 0) rows = rows.Where(a => a.ClientId == request.ClientId);
        if (request.OrganizationId.Length > 0) rows = rows.Where(a => a.ActorOrganizationId == request.OrganizationId);
        var page = await rows.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(context.CancellationToken);

        var response = new ListAuditEntriesResponse();
        response.Entries.AddRange(page.Take(size).Select(AuditLog.ToProto));
        if (page.Count > size) response.NextPageToken = page[size - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }

    /// <summary>Consents are taken and withdrawn where the client is: front desk and counsellors.</summary>
    private static CallerIdentity RequireFrontline(ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        if (!caller.IsInRole(OneStopRoles.Frontdesk) && !caller.IsInRole(OneStopRoles.Counsellor))
            throw DomainException.PermissionDenied("Recording or withdrawing a consent needs the frontdesk or counsellor role.");
        return caller;
    }
}
