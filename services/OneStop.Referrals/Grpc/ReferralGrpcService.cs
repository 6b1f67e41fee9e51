using Grpc.Core;
using OneStop.Referrals.Application;
using OneStop.Referrals.Domain.Referrals;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Grpc;

/// <summary>Thin: authorize on claims, validate the fields, call the commands and queries.</summary>
public sealed class ReferralGrpcService(ReferralCommands commands, ReferralQueries queries, WarmHandover handover, ReferralFeed feed)
    : ReferralService.ReferralServiceBase
{
    /// <summary>Events replayed per query while a watch catches up.</summary>
    private const int ReplayBatch = 500;

    public override Task<Referral> CreateReferral(CreateReferralRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        RequestValidator.Validate(request);
        return commands.CreateAsync(caller, request, context.CancellationToken);
    }

    public override Task<Referral> GetReferral(GetReferralRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaffOrAdmin(context);
        RequestValidator.Id("referral_id", request.ReferralId);
        return queries.GetAsync(caller, request.ReferralId, context.CancellationToken);
    }

    public override async Task<GetReferralHistoryResponse> GetReferralHistory(GetReferralRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaffOrAdmin(context);
        RequestValidator.Id("referral_id", request.ReferralId);
        var response = new GetReferralHistoryResponse();
        response.Events.AddRange(await queries.HistoryAsync(caller, request.ReferralId, context.CancellationToken));
        return response;
    }

    public override Task<ListReferralsResponse> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        if (request.Box == Box.Inbox && request.ClientId.Length > 0)
            throw Domain.DomainException.InvalidArgument("client_id", "filters the outbox only");
        return queries.ListAsync(caller, request, context.CancellationToken);
    }

    public override Task<ListOverdueResponse> ListOverdue(ListOverdueRequest request, ServerCallContext context) =>
        queries.ListOverdueAsync(Callers.RequireStaffOrAdmin(context), request, context.CancellationToken);

    /// <summary>
    /// Subscribes first, then replays from the database, then follows the live feed skipping what the replay
    /// already sent: no event is lost between the two, and none is sent twice.
    /// </summary>
    public override async Task WatchReferrals(WatchReferralsRequest request, IServerStreamWriter<ReferralChange> responseStream, ServerCallContext context)
    {
        var caller = Callers.RequireStaffOrAdmin(context);
        if (request.FromVersion < 0) throw Domain.DomainException.InvalidArgument("from_version", "must not be negative");
        var ct = context.CancellationToken;
        using var live = feed.Subscribe();
        var last = request.FromVersion;
        while (true)
        {
            var batch = await queries.ChangesAfterAsync(caller, last, ReplayBatch, ct);
            foreach (var change in batch)
            {
                await responseStream.WriteAsync(change, ct);
                last = change.Version;
            }
            if (batch.Count < ReplayBatch) break;
        }
        await foreach (var change in live.Reader.ReadAllAsync(ct))
        {
            if (change.Version <= last || !ReferralQueries.Watches(caller, change)) continue;
            await responseStream.WriteAsync(change, ct);
            last = change.Version;
        }
    }

    public override Task<Referral> SubmitReferral(TransitionRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Submit, () => RequestValidator.Validate(request));

    public override Task<Referral> CancelReferral(CancelReferralRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Cancel, () => RequestValidator.Validate(request), request.Reason);

    public override Task<Referral> ReceiveReferral(TransitionRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Receive, () => RequestValidator.Validate(request));

    public override Task<Referral> AcceptReferral(TransitionRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Accept, () => RequestValidator.Validate(request));

    public override Task<Referral> RejectReferral(RejectReferralRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Reject, () => RequestValidator.Validate(request), request.Reason);

    public override Task<Referral> StartReferral(TransitionRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Start, () => RequestValidator.Validate(request));

    public override Task<Referral> HoldReferral(HoldReferralRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Hold, () => RequestValidator.Validate(request), request.Reason);

    public override Task<Referral> ResumeReferral(TransitionRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Resume, () => RequestValidator.Validate(request));

    public override Task<Referral> CompleteReferral(CompleteReferralRequest request, ServerCallContext context) =>
        Transition(context, request.ReferralId, request.ExpectedVersion, ReferralAction.Complete, () => RequestValidator.Validate(request),
            outcome: request.Outcome);

    public override Task<FindHandoverSlotsResponse> FindHandoverSlots(FindHandoverSlotsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        RequestValidator.Id("referral_id", request.ReferralId);
        return handover.FindSlotsAsync(caller, request, context, context.CancellationToken);
    }

    public override Task<BookWarmHandoverResponse> BookWarmHandover(BookWarmHandoverRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        RequestValidator.Id("referral_id", request.ReferralId);
        if (request.ExpectedVersion <= 0) throw Domain.DomainException.InvalidArgument("expected_version", "is required (the version you last read)");
        if (request.Slot is null && request.Search is null) throw Domain.DomainException.InvalidArgument("slot", "give a slot from FindHandoverSlots, or a search");
        return handover.BookAsync(caller, request, context, context.CancellationToken);
    }

    private Task<Referral> Transition(ServerCallContext context, string referralId, long expectedVersion, ReferralAction action, Action validate,
        string reason = "", ReferralOutcome outcome = ReferralOutcome.Unspecified)
    {
        var caller = Callers.RequireStaff(context);
        validate();
        return commands.TransitionAsync(caller, referralId, expectedVersion, action, reason, outcome, context.CancellationToken);
    }
}
