using System.Globalization;
using System.Text;
using OneStop.Skills.CodeLists;
using OneStop.Skills.V1;

namespace OneStop.Skills.Domain.Summary;

/// <summary>
/// GetProfileSummary: the profile in plain words for the client and, with codes and evidence, for the counsellor, in
/// German, English, Arabic or Ukrainian, with the next steps. Occupation labels are German or English (the code list
/// has those two); Arabic and Ukrainian texts name the occupation in German, as the documents will.
/// </summary>
public static class SummaryWriter
{
    public static IReadOnlyCollection<string> Languages => Phrases.ByLanguage.Keys.ToList();

    public static ProfileSummary Write(Profile profile, string language, OccupationCatalog catalog)
    {
        var p = Phrases.ByLanguage[language];
        string Label(string code) => catalog.Find(code) is { } o ? (language == "en" ? o.LabelEn : o.LabelDe) : code;
        string Cefr(Cefr c) => c == V1.Cefr.Unspecified ? "–" : c.ToString().Replace("Pre", "Pre-", StringComparison.Ordinal);
        var inv = CultureInfo.InvariantCulture;

        var client = new StringBuilder();
        var counsellor = new StringBuilder();
        foreach (var q in profile.Qualifications)
        {
            client.AppendLine(string.Format(inv, p.Qualification, q.OriginalTitle, q.Country, q.DqrLevel, Label(q.KldbCode)));
            counsellor.AppendLine(string.Format(inv, p.Qualification, q.OriginalTitle, q.Country, q.DqrLevel, $"{q.KldbCode} {Label(q.KldbCode)}")
                + $" [{q.Recognition?.State ?? RecognitionState.Unspecified}; {q.Recognition?.CompetentBody}; certificate in DE: {q.CertificateInGermany}; ESCO {q.EscoUri}]");
        }
        foreach (var s in profile.Skills)
        {
            var line = string.Format(inv, p.Skill, Label(s.Code), s.Years, p.Evidence.GetValueOrDefault(s.Evidence, "–"));
            client.AppendLine(line);
            counsellor.AppendLine($"{s.Code}: {line}" + (s.Evidence == EvidenceLevel.PracticalTest
                ? $" [{s.PracticalTestResultPercent} %, {s.EvidenceDate?.ToDateTime():yyyy-MM-dd}]" : ""));
        }
        foreach (var code in profile.BlockedOccupations)
        {
            client.AppendLine(string.Format(inv, p.Blocked, Label(code)));
            counsellor.AppendLine(string.Format(inv, p.Blocked, $"{code} {Label(code)}"));
        }
        var german = ProfileRules.German(profile);
        var germanLine = german is null ? p.NoGerman
            : string.Format(inv, p.German, Cefr(german.Listening), Cefr(german.Reading), Cefr(german.Speaking), Cefr(german.Writing));
        client.AppendLine(germanLine);
        counsellor.AppendLine(germanLine + (german is null ? "" : $" [{german.Evidence} {german.CertificateName}]"));
        if (profile.CourseFacts?.LiteracyNeeds == true) counsellor.AppendLine("Literacy needs.");
        if (profile.Underemployed)
        {
            client.AppendLine(p.Underemployed);
            counsellor.AppendLine(p.Underemployed);
        }
        if (profile.SoftSkillCodes.Count > 0) counsellor.AppendLine("Soft skills: " + string.Join(", ", profile.SoftSkillCodes));

        var summary = new ProfileSummary { ClientId = profile.ClientId, Language = language, Version = profile.Version };
        foreach (var step in NextSteps.For(profile, catalog))
        {
            var subject = step.Kind == NextStepKind.LanguageCourse ? p.Courses[step.Course] : Label(step.KldbCode);
            step.Text = string.Format(inv, p.Steps[step.Kind], subject);
            summary.NextSteps.Add(step);
        }
        summary.ClientText = client.ToString().TrimEnd();
        summary.CounsellorText = counsellor.ToString().TrimEnd();
        return summary;
    }
}
