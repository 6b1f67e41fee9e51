using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.V1;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Referrals.Application;

/// <summary>
/// The warm hand-over (warme Übergabe): a joint appointment of the client with the referring and the receiving
/// organization (and an interpreter when the referral needs one), found, held and booked through the appointments
/// service, then linked to the referral. The caller's own token goes with the calls, so the appointments service
/// authorizes the caller, not this service.
/// </summary>
public sealed class WarmHandover(ReferralsDbContext db, ReferralCommands commands, AppointmentsService.AppointmentsServiceClient appointments)
{
    private static readonly Duration DefaultLength = Duration.FromTimeSpan(TimeSpan.FromMinutes(60));

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
        var hold = await appointments.HoldSlotAsync(new HoldSlotRequest { Slot = slot, ClientId = referral.ClientId }, headers, cancellationToken: ct);
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
        if (request.RangeStart is null) throw DomainException.InvalidArgument("range_start", "is required");
        if (request.RangeEnd is null || request.RangeEnd.ToDateTime() <= request.RangeStart.ToDateTime())
            throw DomainException.InvalidArgument("range_end", "is required and must be after range_start");
        if (request.MaxResults is < 0 or > 100) throw DomainException.InvalidArgument("max_results", "must be 0..100");
        if (request.Duration is { } d && (d.ToTimeSpan() <= TimeSpan.Zero || d.ToTimeSpan() > TimeSpan.FromHours(8)))
            throw DomainException.InvalidArgument("duration", "must be more than zero and at most 8 hours");
        var topic = request.Topic != Topic.Unspecified ? request.Topic : Codes.Split<Topic>(referral.Needs).First();
        var search = new FindJointSlotsRequest
        {
            Duration = request.Duration ?? DefaultLength,
            RangeStart = request.RangeStart,
            RangeEnd = request.RangeEnd,
            MaxResults = request.MaxResults == 0 ? 10 : request.MaxResults,
            ClientId = referral.ClientId,
            InterpreterLanguage = referral.InterpreterNeeded ? referral.InterpreterLanguage : "",
        };
        search.Pools.Add(new AgencyPool { OrganizationId = referral.SenderOrganizationId, Topic = topic });
        search.Pools.Add(new AgencyPool { OrganizationId = referral.ReceiverOrganizationId, Topic = topic });
        return search;
    }

    /// <summary>The caller's bearer token, passed on unchanged.</summary>
    private static Metadata Forwarded(ServerCallContext context)
    {
        var headers = new Metadata();
        if (context.RequestHeaders.GetValue("authorization") is { } authorization) headers.Add("authorization", authorization);
        return headers;
    }
}
