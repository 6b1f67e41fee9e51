using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.V1;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Application;

/// <summary>
/// The warm hand-over (warme Übergabe): a joint appointment of the client with the referring and the receiving
/// organization (and an interpreter when the referral needs one), found, held and booked through the appointments
/// service, then linked to the referral. The caller's own token goes with the calls, so the appointments service
/// authorizes the caller, not this service.
/// </summary>
public sealed class WarmHandover(ReferralsDbContext db, ReferralCommands commands, AppointmentsService.AppointmentsServiceClient appointments)
{
    public async Task<FindHandoverSlotsResponse> FindSlotsAsync(CallerIdentity caller, FindHandoverSlotsRequest request, ServerCallContext context,
        CancellationToken ct)
    {
        var referral = await LoadAsync(caller, request.ReferralId, ct);
        var found = await appointments.FindJointSlotsAsync(Search(referral, request), Forwarded(context), cancellationToken: ct);
        var response = new FindHandoverSlotsResponse();
        response.Slots.AddRange(found.Slots);
        return response;
    }

    public async Task<BookWarmHandoverResponse> BookAsync(CallerIdentity caller, BookWarmHandoverRequest request, ServerCallContext context,
        CancellationToken ct)
    {
        var referral = await LoadAsync(caller, request.ReferralId, ct);
        // Checked before booking so a stale caller does not book an appointment it cannot link; the link re-checks.
        if (referral.Version != request.ExpectedVersion) throw DomainException.Stale("The referral", request.ExpectedVersion, referral.Version);
        if (referral.AppointmentId.Length > 0) throw DomainException.FailedPrecondition($"The referral already has its warm hand-over (appointment {referral.AppointmentId}).");
        var headers = Forwarded(context);

        var slot = request.Slot;
        if (slot is null)
        {
            var found = await appointments.FindJointSlotsAsync(Search(referral, request.Search), headers, cancellationToken: ct);
            slot = found.Slots.FirstOrDefault() ?? throw DomainException.FailedPrecondition("No joint slot of both organizations is free in the range searched.");
        }
        var typeId = request.Slot is null ? request.Search.AppointmentTypeId : request.AppointmentTypeId;
        if (string.IsNullOrWhiteSpace(typeId)) throw DomainException.InvalidArgument("appointment_type_id", "is required");
        RequireJoint(referral, slot);
        var hold = await appointments.HoldSlotAsync(new HoldSlotRequest { Slot = slot, ClientId = referral.ClientId, AppointmentTypeId = typeId },
            headers, cancellationToken: ct);
        // The key makes a retried booking of the same hand-over return the first appointment, not a second one.
        var bookingHeaders = Forwarded(context);
        bookingHeaders.Add("idempotency-key", $"referral-{referral.Id}-v{referral.Version}");
        var appointment = await appointments.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = referral.ClientId },
            bookingHeaders, cancellationToken: ct);

        Referral linked;
        try
        {
            linked = await commands.LinkAppointmentAsync(caller, referral.Id, request.ExpectedVersion, appointment.Id, ct);
        }
        catch (Exception)
        {
            // The referral changed between booking and linking: give the slot back rather than leave an orphan appointment.
            await appointments.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = appointment.Id, Reason = "Warme Übergabe nicht verknüpft" },
                headers, cancellationToken: CancellationToken.None);
            throw;
        }
        return new BookWarmHandoverResponse { Referral = linked, AppointmentId = appointment.Id, Start = appointment.Start, End = appointment.End };
    }

    private async Task<ReferralRecord> LoadAsync(CallerIdentity caller, string referralId, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId && r.RegionAgs == caller.RegionAgs, ct)
            ?? throw DomainException.NotFound("referral", referralId);
        var role = ReferralAccess.RequireVisible(caller, referral);
        ReferralCommands.RequireHandoverPossible(referral, role);
        return referral;
    }

    private static FindJointSlotsRequest Search(ReferralRecord referral, FindHandoverSlotsRequest? request)
    {
        if (request is null) throw DomainException.InvalidArgument("search", "is required when no slot is given");
        if (string.IsNullOrWhiteSpace(request.AppointmentTypeId)) throw DomainException.InvalidArgument("appointment_type_id", "is required");
        if (request.RangeStart is null) throw DomainException.InvalidArgument("range_start", "is required");
        if (request.RangeEnd is null || request.RangeEnd.ToDateTime() <= request.RangeStart.ToDateTime())
            throw DomainException.InvalidArgument("range_end", "is required and must be after range_start");
        if (request.MaxResults is < 0 or > 100) throw DomainException.InvalidArgument("max_results", "must be 0..100");
        return new FindJointSlotsRequest
        {
            AppointmentTypeId = request.AppointmentTypeId,
            RangeStart = request.RangeStart,
            RangeEnd = request.RangeEnd,
            MaxResults = request.MaxResults == 0 ? 10 : request.MaxResults,
            ClientId = referral.ClientId,
        };
    }

    /// <summary>The slot must join both sides of the referral, and an interpreter when the referral needs one.</summary>
    private static void RequireJoint(ReferralRecord referral, JointSlot slot)
    {
        var organizations = slot.Resources.Select(r => r.OrganizationId).ToHashSet(StringComparer.Ordinal);
        if (!organizations.Contains(referral.SenderOrganizationId) || !organizations.Contains(referral.ReceiverOrganizationId))
            throw DomainException.FailedPrecondition("The slot does not join the sending and the receiving organization; use their joint appointment type.");
        if (referral.InterpreterNeeded && slot.Resources.All(r => r.Kind != ResourceKind.Interpreter))
            throw DomainException.FailedPrecondition($"The referral needs an interpreter ({referral.InterpreterLanguage}) and the slot has none.");
    }

    /// <summary>The caller's bearer token, passed on unchanged.</summary>
    private static Metadata Forwarded(ServerCallContext context)
    {
        var headers = new Metadata();
        if (context.RequestHeaders.GetValue("authorization") is { } authorization) headers.Add("authorization", authorization);
        return headers;
    }
}
