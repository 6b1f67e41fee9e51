using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>
/// Suggests receivers for one client and need: the rules that fire name the kinds of agency, the directory's
/// candidates of those kinds are checked for fit (<see cref="ServiceFit"/>), and the fitting ones are ranked by
/// rule priority, then by how many of the client's languages they are offered in (an interpreter last), then by id.
/// Everything a rule pointed to but that is not suggested is returned as withheld, with the reason.
/// </summary>
public static class ReceiverRouter
{
    public static RoutingOutcome Suggest(ClientFacts client, Topic need, IReadOnlyList<CandidateService> candidates,
        IReadOnlyList<RoutingRule>? rules = null)
    {
        var hits = new List<RuleHit>();
        var withheld = new List<Withheld>();
        foreach (var rule in rules ?? RoutingRules.All)
        {
            if (!Applies(rule, client, need, out var facts)) continue;
            if (rule.NeedsStatedReason && client.Under27Reason.Length == 0)
            {
                withheld.Add(new Withheld(rule.Receiver, null, rule.Id,
                    $"Not suggested at age {client.Age}: {rule.Explanation} No under_27_reason was given."));
                continue;
            }
            hits.Add(new RuleHit(rule, facts));
        }

        var suggested = new List<(CandidateService Candidate, List<RuleHit> Hits, ServiceFit Fit)>();
        foreach (var candidate in candidates.OrderBy(c => c.Service.Id, StringComparer.Ordinal))
        {
            var its = hits.Where(h => h.Rule.Receiver == candidate.AgencyType).ToList();
            if (its.Count == 0) continue;
            var fit = ServiceFit.Of(candidate, client, need, waiveMinimumAge: its.Any(h => h.Rule.NeedsStatedReason));
            if (fit.Fits) suggested.Add((candidate, its, fit));
            else withheld.Add(new Withheld(candidate.AgencyType, candidate, its[0].Rule.Id, "Does not fit: " + string.Join("; ", fit.Misfits) + "."));
        }
        foreach (var hit in hits.GroupBy(h => h.Rule.Receiver).Select(g => g.First()))
        {
            if (!candidates.Any(c => c.AgencyType == hit.Rule.Receiver))
                withheld.Add(new Withheld(hit.Rule.Receiver, null, hit.Rule.Id,
                    $"No active directory service of type {hit.Rule.Receiver} covers {client.MunicipalityAgs}."));
        }

        var ranked = suggested
            .OrderBy(s => s.Hits.Min(h => h.Rule.Priority))
            .ThenBy(s => s.Fit.InterpreterNeeded)
            .ThenByDescending(s => s.Fit.MatchedLanguages.Count)
            .ThenBy(s => FirstPreferredLanguage(client, s.Fit))
            .ThenBy(s => s.Candidate.Service.Id, StringComparer.Ordinal)
            .Select((s, i) => new Suggestion(s.Candidate, i + 1, s.Hits, s.Fit.Fit, s.Fit.MatchedLanguages, s.Fit.InterpreterNeeded,
                s.Hits.Any(h => h.Rule.NeedsStatedReason) ? client.Under27Reason : "", RankExplanation(s.Hits, s.Fit)))
            .ToList();
        return new RoutingOutcome(client, need, ranked, withheld);
    }

    /// <summary>Whether every condition of <paramref name="rule"/> holds; <paramref name="facts"/> are the facts it used.</summary>
    public static bool Applies(RoutingRule rule, ClientFacts client, Topic need, out IReadOnlyList<string> facts)
    {
        var used = new List<string>();
        facts = used;
        if (rule.Needs.Count > 0 && !rule.Needs.Contains(need)) return false;
        if (rule.MinimumAge is { } min)
        {
            if (client.Age < min) return false;
            used.Add($"age {client.Age} (from {min})");
        }
        if (rule.AgeBelow is { } below)
        {
            if (client.Age >= below) return false;
            if (rule.MinimumAge is null) used.Add($"age {client.Age} (under {below})");
            else used[^1] = $"age {client.Age} (from {rule.MinimumAge} to under {below})";
        }
        if (rule.ResidenceStatuses.Count > 0)
        {
            if (!rule.ResidenceStatuses.Contains(client.ResidenceStatus)) return false;
            used.Add($"residence status {FactNames.Of(client.ResidenceStatus)}");
        }
        if (rule.LegalRegimes.Count > 0)
        {
            if (!rule.LegalRegimes.Contains(client.LegalRegime)) return false;
            used.Add($"legal regime {FactNames.Of(client.LegalRegime)}");
        }
        if (rule.ForeignQualification)
        {
            if (client.ForeignQualification == RoutingQualification.Unspecified) return false;
            used.Add($"foreign {FactNames.Of(client.ForeignQualification)} qualification");
        }
        if (rule.ChildrenUnder6)
        {
            if (!client.ChildrenUnder6) return false;
            used.Add("children under 6");
        }
        if (rule.SkilledImmigration)
        {
            if (!client.SkilledImmigration) return false;
            used.Add("skilled immigration");
        }
        if (rule.Needs.Count > 0) used.Add($"need {need}");
        return true;
    }

    private static int FirstPreferredLanguage(ClientFacts client, ServiceFit fit) =>
        fit.MatchedLanguages.Count == 0 ? int.MaxValue : client.Languages.ToList().IndexOf(fit.MatchedLanguages[0]);

    private static string RankExplanation(List<RuleHit> hits, ServiceFit fit)
    {
        var first = hits.MinBy(h => h.Rule.Priority)!.Rule;
        var kind = first.Priority switch
        {
            <= RoutingRules.LegalResponsibility => "legal responsibility",
            <= RoutingRules.Specialised => "specialised counselling",
            <= RoutingRules.MigrationAdvice => "migration advice",
            _ => "further support",
        };
        var language = fit.InterpreterNeeded ? "an interpreter is needed"
            : fit.MatchedLanguages.Count > 0 ? $"offered in {string.Join(", ", fit.MatchedLanguages)}"
            : "no client language given";
        return $"rule {first.Id}, priority {first.Priority} ({kind}); {language}";
    }
}
