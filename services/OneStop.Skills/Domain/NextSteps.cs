using OneStop.Skills.CodeLists;
using OneStop.Skills.V1;

namespace OneStop.Skills.Domain;

/// <summary>
/// The next steps a profile calls for, run side by side rather than one after the other (language, qualification
/// and practical steps "möglichst gleichzeitig"). Texts are filled in by <see cref="Summary.SummaryWriter"/>.
/// </summary>
public static class NextSteps
{
    public static IReadOnlyList<NextStep> For(Profile profile, OccupationCatalog catalog)
    {
        var steps = new List<NextStep>();
        foreach (var q in profile.Qualifications)
        {
            var state = q.Recognition?.State ?? RecognitionState.Unspecified;
            if (state is RecognitionState.Unspecified or RecognitionState.NotStarted)
            {
                if (!q.CertificateInGermany) steps.Add(new NextStep { Kind = NextStepKind.BringCertificate, QualificationId = q.Id, KldbCode = q.KldbCode });
                steps.Add(new NextStep { Kind = NextStepKind.StartRecognition, QualificationId = q.Id, KldbCode = q.KldbCode });
            }
            else if (state == RecognitionState.PartialEquivalence && q.Recognition!.CompensationTaskStatus != MeasureTaskStatus.Done)
            {
                steps.Add(new NextStep { Kind = NextStepKind.CompensationMeasure, QualificationId = q.Id, KldbCode = q.KldbCode });
            }
        }
        // Informal experience is made visible by a practical test, not by recognition (there is no certificate to recognize).
        foreach (var s in profile.Skills.Where(s => s.Evidence == EvidenceLevel.SelfReported))
            steps.Add(new NextStep { Kind = NextStepKind.PracticalSkillsTest, KldbCode = s.Code });
        var german = ProfileRules.German(profile);
        if (german is null || german.Evidence == LanguageEvidence.SelfAssessment) steps.Add(new NextStep { Kind = NextStepKind.PlacementTest });
        if (profile.SuggestedCourse != CourseType.Unspecified) steps.Add(new NextStep { Kind = NextStepKind.LanguageCourse, Course = profile.SuggestedCourse });
        if (profile.Underemployed) steps.Add(new NextStep { Kind = NextStepKind.JobMatching });
        return steps;
    }
}
