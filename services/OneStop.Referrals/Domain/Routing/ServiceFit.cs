using OneStop.Directory.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>
/// How one directory service fits one client and need: status, area, age bounds, residence status and topic are
/// hard (a misfit withholds the service); languages only rank (a missing language means an interpreter).
/// </summary>
public sealed record ServiceFit(bool Fits, IReadOnlyList<string> Fit, IReadOnlyList<string> Misfits, IReadOnlyList<string> MatchedLanguages, bool InterpreterNeeded)
{
    /// <param name="waiveMinimumAge">A rule with a stated reason lets a client below the service's minimum age in.</param>
    public static ServiceFit Of(CandidateService candidate, ClientFacts client, Topic need, bool waiveMinimumAge)
    {
        var service = candidate.Service;
        var fit = new List<string>();
        var misfits = new List<string>();

        if (service.Status is not (ServiceStatus.Active or ServiceStatus.Unspecified)) misfits.Add($"the service is {service.Status}");

        if (candidate.CoversMunicipality) fit.Add($"its service area covers {client.MunicipalityAgs}");
        else misfits.Add($"its service area does not cover {client.MunicipalityAgs}");

        CheckAge(service.Eligibility, client.Age, waiveMinimumAge, fit, misfits);
        CheckResidence(service.Eligibility, client.ResidenceStatus, fit, misfits);

        if (service.Topics.Contains(need)) fit.Add($"it lists the topic {need}");
        else misfits.Add($"it does not list the topic {need}");

        var offered = service.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var matched = client.Languages.Where(offered.Contains).ToList();
        var interpreter = client.Languages.Count > 0 && matched.Count == 0;
        if (matched.Count > 0) fit.Add($"offered in {string.Join(", ", matched)}");
        else if (interpreter) fit.Add($"not offered in {string.Join(", ", client.Languages)}: an interpreter is needed");

        return new ServiceFit(misfits.Count == 0, fit, misfits, matched, interpreter);
    }

    private static void CheckAge(Eligibility? eligibility, int age, bool waiveMinimumAge, List<string> fit, List<string> misfits)
    {
        if (eligibility is null || (!eligibility.HasMinimumAge && !eligibility.HasMaximumAge)) return;
        var tooYoung = eligibility.HasMinimumAge && age < eligibility.MinimumAge;
        var exclusive = eligibility.MaximumAgeBound == AgeBound.Exclusive;
        var tooOld = eligibility.HasMaximumAge && (exclusive ? age >= eligibility.MaximumAge : age > eligibility.MaximumAge);
        var bounds = Describe(eligibility);
        if (tooOld) misfits.Add($"age {age} is outside its age bounds ({bounds})");
        else if (tooYoung && waiveMinimumAge) fit.Add($"age {age} is below its age bounds ({bounds}), admitted with the stated reason");
        else if (tooYoung) misfits.Add($"age {age} is outside its age bounds ({bounds})");
        else fit.Add($"age {age} is within its age bounds ({bounds})");
    }

    private static string Describe(Eligibility e)
    {
        var from = e.HasMinimumAge ? $"from {e.MinimumAge}" : "";
        var to = !e.HasMaximumAge ? "" : e.MaximumAgeBound == AgeBound.Exclusive ? $"under {e.MaximumAge}" : $"up to {e.MaximumAge}";
        return string.Join(" to ", new[] { from, to }.Where(s => s.Length > 0));
    }

    private static void CheckResidence(Eligibility? eligibility, ResidenceStatus status, List<string> fit, List<string> misfits)
    {
        if (eligibility is null || eligibility.ResidenceStatuses.Count == 0) return;
        if (status == ResidenceStatus.Unspecified)
            fit.Add($"residence status not given; the service is limited to {Statuses(eligibility)}");
        else if (eligibility.ResidenceStatuses.Contains(status)) fit.Add($"residence status {FactNames.Of(status)} is eligible");
        else misfits.Add($"residence status {FactNames.Of(status)} is not among its eligible statuses ({Statuses(eligibility)})");
    }

    private static string Statuses(Eligibility eligibility) => string.Join(", ", eligibility.ResidenceStatuses.Select(FactNames.Of));
}
