using OneStop.Skills.CodeLists;
using OneStop.Skills.V1;

namespace OneStop.Skills.Domain;

/// <summary>
/// What the service derives from what was recorded: DQR levels and ESCO links, which regulated occupations are
/// blocked, underemployment, and the suggested course. Run after every change, so the stored profile always agrees.
/// </summary>
public static class ProfileRules
{
    /// <summary>Years of childhood before school (Schulpflicht at 6): children this young need childcare during a course.</summary>
    private const int SchoolAge = 6;

    /// <summary>The Jugendintegrationskurs is for people under 27.</summary>
    private const int YouthCourseAgeLimit = 27;

    public static void Derive(Profile profile, OccupationCatalog catalog)
    {
        foreach (var q in profile.Qualifications)
        {
            q.DqrLevel = q.LevelScheme == LevelScheme.Isced ? IscedToDqr.Map(q.Level) : q.Level;
            if (q.EscoUri.Length == 0 && catalog.Find(q.KldbCode) is { } occupation) q.EscoUri = occupation.EscoUri;
        }
        profile.BlockedOccupations.Clear();
        profile.BlockedOccupations.AddRange(BlockedOccupations(profile, catalog));
        profile.Underemployed = IsUnderemployed(profile);
        profile.SuggestedCourse = SuggestCourse(profile);
    }

    /// <summary>
    /// A regulated occupation may be worked in only with full equivalence (volle Gleichwertigkeit). Blocked: the
    /// reference occupations of regulated qualifications without it, and regulated occupations someone has only
    /// informal experience in.
    /// </summary>
    public static IEnumerable<string> BlockedOccupations(Profile profile, OccupationCatalog catalog)
    {
        var fullyRecognized = profile.Qualifications
            .Where(q => q.Recognition?.State == RecognitionState.FullEquivalence).Select(q => q.KldbCode).ToHashSet(StringComparer.Ordinal);
        var regulatedCodes = profile.Qualifications.Where(q => IsRegulated(q, catalog)).Select(q => q.KldbCode)
            .Concat(profile.Skills.Where(s => catalog.Find(s.Code)?.Regulated == true).Select(s => s.Code))
            .Concat(profile.WorkHistory.Where(w => catalog.Find(w.KldbCode)?.Regulated == true).Select(w => w.KldbCode));
        return regulatedCodes.Where(c => !fullyRecognized.Contains(c)).Distinct().Order(StringComparer.Ordinal);
    }

    public static bool IsRegulated(Qualification q, OccupationCatalog catalog) =>
        q.Recognition?.Regulated == true || catalog.Find(q.KldbCode)?.Regulated == true;

    public static bool MayWorkIn(Profile profile, string kldbCode) => !profile.BlockedOccupations.Contains(kldbCode);

    /// <summary>Current work at least two DQR levels below the highest qualification (the "Unterbeschäftigung" the seeds name).</summary>
    public static bool IsUnderemployed(Profile profile)
    {
        if (profile.Qualifications.Count == 0) return false;
        var highest = profile.Qualifications.Max(q => q.DqrLevel);
        var current = profile.WorkHistory.Where(w => w.Current).Select(JobLevel).Where(l => l > 0).ToList();
        return current.Count > 0 && highest - current.Max() >= 2;
    }

    public static int JobLevel(WorkHistoryEntry w) => w.DqrLevel > 0 ? w.DqrLevel : OccupationCatalog.DqrOf(w.KldbCode);

    public static LanguageResult? German(Profile profile) => profile.Languages.FirstOrDefault(l => l.Language == "de");

    /// <summary>The lowest German sub-skill level recorded (UNSPECIFIED when none is).</summary>
    public static Cefr LowestGerman(Profile profile) => German(profile) is { } de
        ? new[] { de.Listening, de.Reading, de.Speaking, de.Writing }.Min()
        : Cefr.Unspecified;

    /// <summary>
    /// The integration course type, most specific need first: literacy (nothing else works without it), a women's
    /// course with childcare for a mother of pre-school children, the youth course under 27, the intensive course
    /// for fast learners, else the general course. None once every German sub-skill is at B1 (the course's goal).
    /// </summary>
    public static CourseType SuggestCourse(Profile profile)
    {
        var facts = profile.CourseFacts ?? new CourseFacts();
        if (LowestGerman(profile) >= Cefr.B1) return CourseType.Unspecified;
        if (facts.LiteracyNeeds) return CourseType.Literacy;
        if (facts.Gender == "f" && facts.ChildrenAges.Any(a => a < SchoolAge)) return CourseType.WomenWithChildcare;
        if (facts.Age > 0 && facts.Age < YouthCourseAgeLimit) return CourseType.Youth;
        if (facts.FastLearner) return CourseType.Intensive;
        return CourseType.GeneralIntegration;
    }
}
