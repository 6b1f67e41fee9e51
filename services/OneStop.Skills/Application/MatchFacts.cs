using System.Globalization;
using OneStop.Skills.V1;

namespace OneStop.Skills.Application;

/// <summary>The occupations a profile can be found under, each with the fact that makes it a match (one per code).</summary>
public static class MatchFacts
{
    public static IEnumerable<(string Code, string Fact)> Of(Profile profile)
    {
        var inv = CultureInfo.InvariantCulture;
        var facts = new List<(string, string)>();
        facts.AddRange(profile.Qualifications.Where(q => q.KldbCode.Length > 0).Select(q =>
            (q.KldbCode, string.Create(inv, $"{q.KldbCode}: qualification DQR {q.DqrLevel}, recognition {Recognition(q.Recognition)}"))));
        facts.AddRange(profile.Skills.Where(s => s.Code.Length > 0).Select(s =>
            (s.Code, string.Create(inv, $"{s.Code}: {s.Years} years of experience, {Evidence(s.Evidence)}"))));
        facts.AddRange(profile.WorkHistory.Where(w => w.KldbCode.Length > 0).Select(w =>
            (w.KldbCode, string.Create(inv, $"{w.KldbCode}: worked {w.Years} years ({w.Country})"))));
        return facts.GroupBy(f => f.Item1, StringComparer.Ordinal).Select(g => (g.Key, string.Join("; ", g.Select(f => f.Item2))));
    }

    private static string Recognition(Recognition? r) => (r?.State ?? RecognitionState.Unspecified) switch
    {
        RecognitionState.FullEquivalence => "full equivalence",
        RecognitionState.PartialEquivalence => "partial equivalence",
        RecognitionState.InProgress => "in progress",
        RecognitionState.None => "no equivalence",
        RecognitionState.Rejected => "rejected",
        _ => "not started",
    };

    private static string Evidence(EvidenceLevel e) => e switch
    {
        EvidenceLevel.PracticalTest => "shown in a practical test",
        EvidenceLevel.EmployerReference => "employer reference",
        EvidenceLevel.Certified => "certified",
        _ => "self-reported",
    };
}
