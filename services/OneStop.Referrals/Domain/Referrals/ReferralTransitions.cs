using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Referrals;

/// <summary>The transitions of a referral's action.</summary>
public enum ReferralAction
{
    Submit,
    Cancel,
    Receive,
    Accept,
    Reject,
    Start,
    Hold,
    Resume,
    Complete,
    Expire,
}

/// <summary>
/// Who may move a referral from which states to which (the FHIR SDOHCC Task pattern; the table is also in
/// referrals.proto and docs/referrals.md). The sender cancels and submits; only the receiver accepts, rejects,
/// starts, holds, resumes and completes; only the service itself expires an unanswered referral.
/// </summary>
public static class ReferralTransitions
{
    private sealed record Rule(ReferralRole Role, ReferralState[] From, ReferralState To);

    /// <summary>States a referral can still move out of.</summary>
    public static readonly IReadOnlySet<ReferralState> Open = new HashSet<ReferralState>
    {
        ReferralState.Draft, ReferralState.Requested, ReferralState.Received,
        ReferralState.Accepted, ReferralState.InProgress, ReferralState.OnHold,
    };

    /// <summary>Sent but not yet accepted or rejected: these have a deadline and can become overdue or expire.</summary>
    public static readonly IReadOnlySet<ReferralState> Unanswered = new HashSet<ReferralState> { ReferralState.Requested, ReferralState.Received };

    private static readonly Dictionary<ReferralAction, Rule> Rules = new()
    {
        [ReferralAction.Submit] = new(ReferralRole.Sender, [ReferralState.Draft], ReferralState.Requested),
        [ReferralAction.Cancel] = new(ReferralRole.Sender, [.. Open], ReferralState.Cancelled),
        [ReferralAction.Receive] = new(ReferralRole.Receiver, [ReferralState.Requested], ReferralState.Received),
        [ReferralAction.Accept] = new(ReferralRole.Receiver, [ReferralState.Requested, ReferralState.Received], ReferralState.Accepted),
        [ReferralAction.Reject] = new(ReferralRole.Receiver, [ReferralState.Requested, ReferralState.Received], ReferralState.Rejected),
        [ReferralAction.Start] = new(ReferralRole.Receiver, [ReferralState.Accepted], ReferralState.InProgress),
        [ReferralAction.Hold] = new(ReferralRole.Receiver, [ReferralState.Accepted, ReferralState.InProgress], ReferralState.OnHold),
        [ReferralAction.Resume] = new(ReferralRole.Receiver, [ReferralState.OnHold], ReferralState.InProgress),
        [ReferralAction.Complete] = new(ReferralRole.Receiver, [ReferralState.Accepted, ReferralState.InProgress], ReferralState.Completed),
        [ReferralAction.Expire] = new(ReferralRole.System, [ReferralState.Requested, ReferralState.Received], ReferralState.Failed),
    };

    /// <summary>
    /// The state <paramref name="action"/> leads to, when <paramref name="role"/> may take it from <paramref name="state"/>;
    /// otherwise FAILED_PRECONDITION naming the state and the role.
    /// </summary>
    public static ReferralState Apply(ReferralAction action, ReferralState state, ReferralRole role)
    {
        var rule = Rules[action];
        if (rule.Role != role)
        {
            throw DomainException.FailedPrecondition(
                $"{Name(role)} may not {Verb(action)} a referral in state {Name(state)}; only the {Name(rule.Role)} may.");
        }
        if (!rule.From.Contains(state))
        {
            throw DomainException.FailedPrecondition(
                $"{Name(role)} may not {Verb(action)} a referral in state {Name(state)}; allowed from {string.Join(", ", rule.From.Select(Name))}.");
        }
        return rule.To;
    }

    /// <summary>"in-progress", as FHIR writes the code.</summary>
    public static string Name(ReferralState state) => state switch
    {
        ReferralState.InProgress => "in-progress",
        ReferralState.OnHold => "on-hold",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Name(ReferralRole role) => role switch
    {
        ReferralRole.Sender => "sender",
        ReferralRole.Receiver => "receiver",
        ReferralRole.System => "system",
        _ => "an organization that is neither sender nor receiver",
    };

    private static string Verb(ReferralAction action) => action.ToString().ToLowerInvariant();
}
