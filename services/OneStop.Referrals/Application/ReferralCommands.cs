using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.Domain.Deadlines;
using OneStop.Referrals.Domain.Referrals;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Application;

/// <summary>Creating referrals and moving them through their states; one transaction each, the event in it.</summary>
public sealed class ReferralCommands(
    ReferralsDbContext db, CommandTransaction transaction, ConsentLedger consents, AuditLog audit, DeadlinePolicy deadlines,
    ReceiverDirectory directory)
{
    public async Task<Referral> CreateAsync(CallerIdentity caller, CreateReferralRequest request, CancellationToken ct)
    {
        // Outside the transaction: a directory lookup may go over the network.
        var receiverOrganization = await ReceiverOrganizationAsync(caller, request, "receiver_service_id", ct);
        return await transaction.RunAsync(() => StageAsync(caller, request, receiverOrganization, ct), ct);
    }

    /// <summary>
    /// The family intake: every person's consent and every referral in ONE transaction, so a refusal of any of them
    /// (a missing consent, a plan step of another client) leaves nothing behind. The consents are saved first inside
    /// the transaction, so sending each referral finds its consent as it would after RecordConsent.
    /// </summary>
    public async Task<IReadOnlyList<Referral>> CreateIntakeAsync(CallerIdentity caller, IReadOnlyList<RecordConsentRequest> consentsToRecord,
        IReadOnlyList<(CreateReferralRequest Request, string ServiceField)> requests, CancellationToken ct)
    {
        var receivers = new List<string>(requests.Count);
        foreach (var (request, serviceField) in requests) receivers.Add(await ReceiverOrganizationAsync(caller, request, serviceField, ct));
        return await transaction.RunAsync(async () =>
        {
            foreach (var consent in consentsToRecord) consents.Stage(caller, consent);
            await db.SaveChangesAsync(ct);
            var created = new List<Referral>(requests.Count);
            for (var i = 0; i < requests.Count; i++) created.Add(await StageAsync(caller, requests[i].Request, receivers[i], ct));
            return (IReadOnlyList<Referral>)created;
        }, ct);
    }

    private async Task<string> ReceiverOrganizationAsync(CallerIdentity caller, CreateReferralRequest request, string field, CancellationToken ct)
    {
        var receiverOrganization = await directory.OrganizationOfAsync(request.ReceiverServiceId, caller.RegionAgs, ct);
        if (receiverOrganization == caller.OrganizationId)
            throw DomainException.InvalidArgument(field, "is a service of your own organization; a referral goes to another organization");
        return receiverOrganization;
    }

    /// <summary>Adds one referral (sent when the request says so) with its Created event to the running transaction.</summary>
    private async Task<Referral> StageAsync(CallerIdentity caller, CreateReferralRequest request, string receiverOrganization, CancellationToken ct)
    {
        if (request.PlanStepId.Length > 0)
        {
            var stepOfClient = await db.Steps.AnyAsync(s => s.Id == request.PlanStepId
                && db.Plans.Any(p => p.Id == s.PlanId && p.RegionAgs == caller.RegionAgs && p.ClientId == request.ClientId), ct);
            if (!stepOfClient) throw DomainException.InvalidArgument("plan_step_id", "is not a step of this client's integration plan");
        }
        var referral = new ReferralRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            RegionAgs = caller.RegionAgs,
            SenderOrganizationId = caller.OrganizationId,
            SenderCounsellor = caller.Subject,
            ReceiverServiceId = request.ReceiverServiceId,
            ReceiverOrganizationId = receiverOrganization,
            ClientId = request.ClientId,
            Urgency = (int)(request.Urgency == Urgency.Unspecified ? Urgency.Routine : request.Urgency),
            SharedCategories = Codes.Join(request.SharedCategories),
            State = (int)ReferralState.Draft,
            PlanStepId = request.PlanStepId,
            CreatedAt = transaction.Now,
            UpdatedAt = transaction.Now,
            Version = 1,
            Reason = request.Reason,
            Needs = Codes.Join(request.Needs),
            Languages = Codes.JoinIds(request.Languages),
            InterpreterNeeded = request.InterpreterNeeded,
            InterpreterLanguage = request.InterpreterLanguage,
            Note = request.Note,
            Attachments = ReferralMapping.WriteAttachments(request.Attachments),
        };
        db.Referrals.Add(referral);
        if (request.Submit) await SendAsync(caller, referral, ct);
        transaction.RecordEvent(referral, ReferralEventKind.Created, ReferralRole.Sender, caller.OrganizationId, caller.Subject,
            ReferralState.Unspecified, (ReferralState)referral.State);
        return ReferralMapping.Full(referral);
    }

    /// <summary>
    /// Moves a referral by <paramref name="action"/>: ABORTED when <paramref name="expectedVersion"/> is stale,
    /// FAILED_PRECONDITION when the caller's side may not take that action from the current state.
    /// </summary>
    public Task<Referral> TransitionAsync(CallerIdentity caller, string referralId, long expectedVersion, ReferralAction action,
        string reason, ReferralOutcome outcome, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var referral = await LoadAsync(caller, referralId, expectedVersion, ct);
            var role = ReferralAccess.RequireVisible(caller, referral);
            var from = (ReferralState)referral.State;
            var to = ReferralTransitions.Apply(action, from, role);
            if (action == ReferralAction.Submit) await SendAsync(caller, referral, ct);
            referral.State = (int)to;
            if (!ReferralTransitions.Unanswered.Contains(to)) referral.Overdue = false;
            switch (action)
            {
                case ReferralAction.Reject:
                    referral.RejectionReason = reason;
                    break;
                case ReferralAction.Cancel or ReferralAction.Hold:
                    referral.StatusReason = reason;
                    break;
                case ReferralAction.Complete:
                    referral.Outcome = (int)outcome;
                    break;
            }
            Touch(referral);
            transaction.RecordEvent(referral, ReferralEventKind.Transition, role, caller.OrganizationId, caller.Subject, from, to, outcome, reason);
            return await ViewAfterChangeAsync(caller, referral, role, ct);
        }, ct);

    /// <summary>Links the warm hand-over's booked appointment (sender or receiver, accepted or in-progress).</summary>
    public Task<Referral> LinkAppointmentAsync(CallerIdentity caller, string referralId, long expectedVersion, string appointmentId, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var referral = await LoadAsync(caller, referralId, expectedVersion, ct);
            var role = ReferralAccess.RequireVisible(caller, referral);
            RequireHandoverPossible(referral, role);
            referral.AppointmentId = appointmentId;
            Touch(referral);
            var state = (ReferralState)referral.State;
            transaction.RecordEvent(referral, ReferralEventKind.AppointmentLinked, role, caller.OrganizationId, caller.Subject, state, state,
                appointmentId: appointmentId);
            return await ViewAfterChangeAsync(caller, referral, role, ct);
        }, ct);

    /// <summary>A warm hand-over needs an accepted or started referral and a caller from one of its two sides.</summary>
    public static void RequireHandoverPossible(ReferralRecord referral, ReferralRole role)
    {
        var state = (ReferralState)referral.State;
        if (role is not (ReferralRole.Sender or ReferralRole.Receiver))
            throw DomainException.FailedPrecondition($"{ReferralTransitions.Name(role)} may not book a warm hand-over; only the sender or the receiver may.");
        if (state is not (ReferralState.Accepted or ReferralState.InProgress))
            throw DomainException.FailedPrecondition(
                $"{ReferralTransitions.Name(role)} may not book a warm hand-over for a referral in state {ReferralTransitions.Name(state)}; it must be accepted or in-progress.");
    }

    private async Task<ReferralRecord> LoadAsync(CallerIdentity caller, string referralId, long expectedVersion, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.RegionAgs == caller.RegionAgs, ct);
        if (referral is null || ReferralAccess.RoleOf(caller, referral) == ReferralRole.Unspecified && !caller.IsInRole(OneStopRoles.RegionAdmin))
            throw DomainException.NotFound("referral", referralId);
        if (referral.Version != expectedVersion) throw DomainException.Stale("The referral", expectedVersion, referral.Version);
        return referral;
    }

    private void Touch(ReferralRecord referral)
    {
        referral.UpdatedAt = transaction.Now;
        referral.Version++;
    }

    /// <summary>
    /// Sending discloses the content to the receiving organization: a consent must cover every shared category for
    /// it (FAILED_PRECONDITION otherwise), and the disclosure is audited. The deadlines start now.
    /// </summary>
    private async Task SendAsync(CallerIdentity caller, ReferralRecord referral, CancellationToken ct)
    {
        var categories = ReferralAccess.SharedCategories(referral);
        var consent = await consents.FindCoveringAsync(referral.RegionAgs, referral.ClientId, referral.ReceiverOrganizationId,
            ConsentPurpose.Referral, categories, transaction.Now, ct)
            ?? throw DomainException.FailedPrecondition(
                $"No consent of the client lets organization \"{referral.ReceiverOrganizationId}\" receive the shared categories " +
                $"({string.Join(", ", categories)}) for a referral; record one first.");
        audit.Stage(new AuditFacts(referral.RegionAgs, caller.Subject, caller.OrganizationId, referral.ClientId, ReferralAccess.Resource(referral),
            categories, ConsentPurpose.Referral, consent.Id, AuditDecision.Allowed, referral.ReceiverOrganizationId), transaction.Now);
        referral.State = (int)ReferralState.Requested;
        var due = deadlines.DueAt(referral.RegionAgs, referral.ReceiverServiceId, (Urgency)referral.Urgency, transaction.Now);
        referral.DueAt = due;
        referral.ExpiresAt = deadlines.ExpiresAt(referral.RegionAgs, due);
    }

    /// <summary>What the acting side gets back: the sender everything; the receiver the content only under a consent (an audited read).</summary>
    private async Task<Referral> ViewAfterChangeAsync(CallerIdentity caller, ReferralRecord referral, ReferralRole role, CancellationToken ct)
    {
        if (role == ReferralRole.Sender) return ReferralMapping.Full(referral);
        if (role != ReferralRole.Receiver) return ReferralMapping.Summary(referral);
        var categories = ReferralAccess.SharedCategories(referral);
        var consent = await consents.FindCoveringAsync(referral.RegionAgs, referral.ClientId, caller.OrganizationId, ConsentPurpose.Referral,
            categories, transaction.Now, ct);
        if (consent is null) return ReferralMapping.Summary(referral);
        audit.Stage(new AuditFacts(referral.RegionAgs, caller.Subject, caller.OrganizationId, referral.ClientId, ReferralAccess.Resource(referral),
            categories, ConsentPurpose.Referral, consent.Id, AuditDecision.Allowed), transaction.Now);
        return ReferralMapping.Full(referral);
    }
}
