using OneStop.Directory.V1;
using OneStop.Referrals.Domain.Routing;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Intake;

/// <summary>One household member as the planner sees it.</summary>
public sealed record HouseholdMember(ClientFacts Facts, IntakeRole Role);

/// <summary>One checklist item for one person, with its routing.</summary>
public sealed record IntakeNeedPlan(ChecklistEntry Entry, HouseholdMember Member, RoutingOutcome Routing);

/// <summary>
/// The family intake: for each chosen checklist item, each member it applies to gets the receivers
/// <see cref="ReceiverRouter"/> suggests for the item's need. Every member counts as a skilled-immigration family
/// member (that is what this checklist is for), and the adults of a household with a child under 6 count as having
/// children under 6.
/// </summary>
public static class FamilyIntakePlanner
{
    /// <param name="candidatesIn">The directory's candidates in a municipality.</param>
    public static IReadOnlyList<IntakeNeedPlan> Plan(IReadOnlyList<HouseholdMember> members, IReadOnlyCollection<IntakeChecklistItem> items,
        Func<string, IReadOnlyList<CandidateService>> candidatesIn)
    {
        var hasChildUnder6 = members.Any(m => m.Facts.Age < 6);
        var family = members.Select(m => m with
        {
            Facts = m.Facts with
            {
                SkilledImmigration = true,
                ChildrenUnder6 = m.Facts.ChildrenUnder6 || (hasChildUnder6 && m.Facts.Age >= 18),
            },
        }).ToList();

        var plans = new List<IntakeNeedPlan>();
        foreach (var entry in IntakeChecklist.All.Where(e => items.Count == 0 || items.Contains(e.Item)))
        {
            foreach (var member in family)
            {
                if (!IntakeChecklist.AppliesTo(entry.Scope, member.Facts.Age, member.Role == IntakeRole.MainApplicant, member.Facts.ResidenceStatus)) continue;
                var routing = ReceiverRouter.Suggest(member.Facts, entry.Need, candidatesIn(member.Facts.MunicipalityAgs));
                plans.Add(new IntakeNeedPlan(entry, member, routing));
            }
        }
        return plans;
    }
}
