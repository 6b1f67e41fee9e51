using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>
/// One routing rule: when a client's facts and need meet its conditions, directory services of
/// <see cref="Receiver"/> are candidates. Rules are data (<see cref="RoutingRules"/>); each names its source so a
/// counsellor, and whoever maintains the list, can check it. Every condition that is set must hold.
/// </summary>
public sealed record RoutingRule(string Id, int Priority, AgencyType Receiver, string Source, string Explanation)
{
    /// <summary>The client is at least this old.</summary>
    public int? MinimumAge { get; init; }

    /// <summary>The client is younger than this (27: up to the 27th birthday).</summary>
    public int? AgeBelow { get; init; }

    /// <summary>Any of these residence statuses; empty: any.</summary>
    public IReadOnlyList<ResidenceStatus> ResidenceStatuses { get; init; } = [];

    /// <summary>Any of these legal regimes; empty: any.</summary>
    public IReadOnlyList<RoutingLegalRegime> LegalRegimes { get; init; } = [];

    /// <summary>The client holds a foreign vocational or academic qualification.</summary>
    public bool ForeignQualification { get; init; }

    /// <summary>The client has children under 6 (a parent's rule; a child's own age is <see cref="AgeBelow"/>).</summary>
    public bool ChildrenUnder6 { get; init; }

    /// <summary>The client came, or joined the family, under the skilled immigration law.</summary>
    public bool SkilledImmigration { get; init; }

    /// <summary>The needs (directory topics) the rule routes; empty: any need.</summary>
    public IReadOnlyList<Topic> Needs { get; init; } = [];

    /// <summary>
    /// The rule applies only with a stated reason (the request's under-27 reason); without one the receiver is
    /// withheld and the response says why. With one, the service's minimum age is not held against the client.
    /// </summary>
    public bool NeedsStatedReason { get; init; }
}
