using OneStop.Directory.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>A rule that fired for a client, with the facts it used.</summary>
public sealed record RuleHit(RoutingRule Rule, IReadOnlyList<string> Facts);

/// <summary>A suggested service for one client and need; the gRPC layer maps it onto SuggestedReceiver.</summary>
public sealed record Suggestion(
    CandidateService Candidate,
    int Rank,
    IReadOnlyList<RuleHit> Rules,
    IReadOnlyList<string> Fit,
    IReadOnlyList<string> MatchedLanguages,
    bool InterpreterNeeded,
    string StatedReason,
    string RankExplanation);

/// <summary>A receiver a rule pointed to that is not suggested; <paramref name="Candidate"/> is null when no service was considered.</summary>
public sealed record Withheld(AgencyType AgencyType, CandidateService? Candidate, string RuleId, string Reason);

/// <summary>The suggestions for one client and need, best first, and what was considered but withheld.</summary>
public sealed record RoutingOutcome(ClientFacts Client, Topic Need, IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<Withheld> Withheld);
