using OneStop.Referrals.Domain.Intake;
using OneStop.Referrals.Domain.Routing;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Grpc;

/// <summary>Domain routing results to the routing contract.</summary>
public static class RoutingMapping
{
    public static SuggestReceiversResponse ToResponse(RoutingOutcome outcome)
    {
        var response = new SuggestReceiversResponse { Age = outcome.Client.Age };
        response.Suggestions.Add(outcome.Suggestions.Select(s => ToProto(outcome, s)));
        response.Withheld.Add(outcome.Withheld.Select(w => ToProto(outcome, w)));
        return response;
    }

    public static IntakeNeed ToProto(IntakeNeedPlan plan)
    {
        var need = new IntakeNeed
        {
            ClientRef = plan.Member.Facts.ClientRef,
            Item = plan.Entry.Item,
            Need = plan.Entry.Need,
            Age = plan.Member.Facts.Age,
            AppliesBecause = plan.Entry.AppliesBecause,
        };
        need.Suggestions.Add(plan.Routing.Suggestions.Select(s => ToProto(plan.Routing, s)));
        need.Withheld.Add(plan.Routing.Withheld.Select(w => ToProto(plan.Routing, w)));
        return need;
    }

    private static SuggestedReceiver ToProto(RoutingOutcome outcome, Suggestion s)
    {
        var receiver = new SuggestedReceiver
        {
            ClientRef = outcome.Client.ClientRef,
            Need = outcome.Need,
            ServiceId = s.Candidate.Service.Id,
            OrganizationId = s.Candidate.Service.OrganizationId,
            AgencyType = s.Candidate.AgencyType,
            ServiceName = s.Candidate.Service.Name,
            OrganizationName = s.Candidate.OrganizationName,
            Rank = s.Rank,
            InterpreterNeeded = s.InterpreterNeeded,
            StatedReason = s.StatedReason,
            RankExplanation = s.RankExplanation,
        };
        receiver.Rules.Add(s.Rules.Select(h => new RoutingRuleHit
        {
            RuleId = h.Rule.Id,
            Source = h.Rule.Source,
            Explanation = h.Rule.Explanation,
            Facts = { h.Facts },
        }));
        receiver.Fit.Add(s.Fit);
        receiver.MatchedLanguages.Add(s.MatchedLanguages);
        return receiver;
    }

    private static WithheldReceiver ToProto(RoutingOutcome outcome, Withheld w) => new()
    {
        ClientRef = outcome.Client.ClientRef,
        Need = outcome.Need,
        AgencyType = w.AgencyType,
        ServiceId = w.Candidate?.Service.Id ?? "",
        OrganizationId = w.Candidate?.Service.OrganizationId ?? "",
        RuleId = w.RuleId,
        Reason = w.Reason,
    };
}
