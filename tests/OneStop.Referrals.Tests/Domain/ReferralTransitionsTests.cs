using OneStop.Referrals.Domain;
using OneStop.Referrals.Domain.Referrals;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Tests.Domain;

/// <summary>The whole table: every action from every state by every role, against the rules written out once more here.</summary>
public sealed class ReferralTransitionsTests
{
    private static readonly Dictionary<ReferralAction, (ReferralRole Role, ReferralState[] From, ReferralState To)> Expected = new()
    {
        [ReferralAction.Submit] = (ReferralRole.Sender, [ReferralState.Draft], ReferralState.Requested),
        [ReferralAction.Cancel] = (ReferralRole.Sender,
            [ReferralState.Draft, ReferralState.Requested, ReferralState.Received, ReferralState.Accepted, ReferralState.InProgress, ReferralState.OnHold],
            ReferralState.Cancelled),
        [ReferralAction.Receive] = (ReferralRole.Receiver, [ReferralState.Requested], ReferralState.Received),
        [ReferralAction.Accept] = (ReferralRole.Receiver, [ReferralState.Requested, ReferralState.Received], ReferralState.Accepted),
        [ReferralAction.Reject] = (ReferralRole.Receiver, [ReferralState.Requested, ReferralState.Received], ReferralState.Rejected),
        [ReferralAction.Start] = (ReferralRole.Receiver, [ReferralState.Accepted], ReferralState.InProgress),
        [ReferralAction.Hold] = (ReferralRole.Receiver, [ReferralState.Accepted, ReferralState.InProgress], ReferralState.OnHold),
        [ReferralAction.Resume] = (ReferralRole.Receiver, [ReferralState.OnHold], ReferralState.InProgress),
        [ReferralAction.Complete] = (ReferralRole.Receiver, [ReferralState.Accepted, ReferralState.InProgress], ReferralState.Completed),
        [ReferralAction.Expire] = (ReferralRole.System, [ReferralState.Requested, ReferralState.Received], ReferralState.Failed),
    };

    [Fact]
    public void Every_action_state_and_role_is_allowed_exactly_as_the_contract_says()
    {
        var states = Enum.GetValues<ReferralState>().Where(s => s != ReferralState.Unspecified);
        var roles = new[] { ReferralRole.Sender, ReferralRole.Receiver, ReferralRole.System, ReferralRole.Unspecified };
        foreach (var (action, rule) in Expected)
        {
            foreach (var state in states)
            {
                foreach (var role in roles)
                {
                    if (rule.Role == role && rule.From.Contains(state))
                    {
                        Assert.Equal(rule.To, ReferralTransitions.Apply(action, state, role));
                        continue;
                    }
                    var error = Assert.Throws<DomainException>(() => ReferralTransitions.Apply(action, state, role));
                    Assert.Equal(DomainErrorCode.FailedPrecondition, error.Code);
                    Assert.Contains($"state {ReferralTransitions.Name(state)}", error.Message, StringComparison.Ordinal);
                    Assert.StartsWith(ReferralTransitions.Name(role), error.Message, StringComparison.Ordinal);
                }
            }
        }
        Assert.Equal(Enum.GetValues<ReferralAction>().Length, Expected.Count);
    }
}
