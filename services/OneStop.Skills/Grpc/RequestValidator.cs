using OneStop.Skills.CodeLists;
using OneStop.Skills.Domain;
using OneStop.Skills.Domain.Summary;
using OneStop.Skills.V1;

namespace OneStop.Skills.Grpc;

/// <summary>Shape checks before any work: INVALID_ARGUMENT naming the field (with its path in the request).</summary>
public sealed class RequestValidator(OccupationCatalog catalog)
{
    public static void ClientId(string value)
    {
        if (value.Length == 0) throw DomainException.InvalidArgument("client_id", "is required");
        if (value.Length > 64) throw DomainException.InvalidArgument("client_id", "is longer than 64 characters");
    }

    public static void ExpectedVersion(long value)
    {
        if (value < 1) throw DomainException.InvalidArgument("expected_version", "must be the profile's version (1 or more)");
    }

    public static void Language(string value)
    {
        if (!SummaryWriter.Languages.Contains(value))
            throw DomainException.InvalidArgument("language", $"must be one of {string.Join(", ", SummaryWriter.Languages)}");
    }

    public void Validate(CreateProfileRequest r)
    {
        ClientId(r.ClientId);
        if (r.CourseFacts is { } f) CourseFacts("course_facts", f);
    }

    public void Validate(AddQualificationRequest r)
    {
        ClientId(r.ClientId);
        ExpectedVersion(r.ExpectedVersion);
        var q = r.Qualification ?? throw DomainException.InvalidArgument("qualification", "is required");
        Country("qualification.country", q.Country);
        if (q.OriginalTitle.Length == 0) throw DomainException.InvalidArgument("qualification.original_title", "is required");
        switch (q.LevelScheme)
        {
            case LevelScheme.Dqr when q.Level is < 1 or > 8:
                throw DomainException.InvalidArgument("qualification.level", "must be 1..8 for DQR");
            case LevelScheme.Isced when q.Level is < 0 or > 8:
                throw DomainException.InvalidArgument("qualification.level", "must be 0..8 for ISCED");
            case LevelScheme.Unspecified:
                throw DomainException.InvalidArgument("qualification.level_scheme", "is required (DQR or ISCED)");
        }
        Occupation("qualification.kldb_code", q.KldbCode);
        if (q.Recognition is { } rec) Recognition("qualification.recognition", rec);
    }

    public static void Validate(UpdateRecognitionRequest r)
    {
        ClientId(r.ClientId);
        ExpectedVersion(r.ExpectedVersion);
        if (r.QualificationId.Length == 0) throw DomainException.InvalidArgument("qualification_id", "is required");
        Recognition("recognition", r.Recognition ?? throw DomainException.InvalidArgument("recognition", "is required"));
    }

    public void Validate(RecordSkillRequest r)
    {
        ClientId(r.ClientId);
        ExpectedVersion(r.ExpectedVersion);
        var s = r.Skill ?? throw DomainException.InvalidArgument("skill", "is required");
        Occupation("skill.code", s.Code);
        if (s.Years is < 0 or > 60) throw DomainException.InvalidArgument("skill.years", "must be 0..60");
        if (s.Evidence == EvidenceLevel.Unspecified) throw DomainException.InvalidArgument("skill.evidence", "is required");
        if (s.Evidence != EvidenceLevel.SelfReported && s.EvidenceDate is null)
            throw DomainException.InvalidArgument("skill.evidence_date", "is required for a test, reference or certificate");
        if (s.Evidence == EvidenceLevel.PracticalTest && s.PracticalTestResultPercent is < 0 or > 100)
            throw DomainException.InvalidArgument("skill.practical_test_result_percent", "must be 0..100");
    }

    public static void Validate(RecordLanguageResultRequest r)
    {
        ClientId(r.ClientId);
        ExpectedVersion(r.ExpectedVersion);
        var l = r.Result ?? throw DomainException.InvalidArgument("result", "is required");
        if (l.Language.Length != 2 || !l.Language.All(char.IsAsciiLetterLower))
            throw DomainException.InvalidArgument("result.language", "must be an ISO 639-1 code such as \"de\"");
        if (l.Evidence == LanguageEvidence.Unspecified) throw DomainException.InvalidArgument("result.evidence", "is required");
        if (l.Evidence == LanguageEvidence.Certificate && l.CertificateName.Length == 0)
            throw DomainException.InvalidArgument("result.certificate_name", "is required for a certificate");
        if (l.Evidence != LanguageEvidence.SelfAssessment && l.AssessedAt is null)
            throw DomainException.InvalidArgument("result.assessed_at", "is required for a certificate or placement test");
    }

    public void Validate(AddWorkHistoryRequest r)
    {
        ClientId(r.ClientId);
        ExpectedVersion(r.ExpectedVersion);
        var e = r.Entry ?? throw DomainException.InvalidArgument("entry", "is required");
        Occupation("entry.kldb_code", e.KldbCode);
        Country("entry.country", e.Country);
        if (e.Years is < 0 or > 60) throw DomainException.InvalidArgument("entry.years", "must be 0..60");
        if (e.DqrLevel is < 0 or > 8) throw DomainException.InvalidArgument("entry.dqr_level", "must be 0..8");
    }

    public static void Validate(UpdateCourseFactsRequest r)
    {
        ClientId(r.ClientId);
        ExpectedVersion(r.ExpectedVersion);
        if (r.CourseFacts is { } f) CourseFacts("course_facts", f);
    }

    public static void Validate(FindCandidatesRequest r)
    {
        if (r.KldbCodes.Count == 0) throw DomainException.InvalidArgument("kldb_codes", "needs at least one code");
        if (r.KldbCodes.Any(c => c.Length != 5 || !c.All(char.IsAsciiDigit)))
            throw DomainException.InvalidArgument("kldb_codes", "holds a code that is not five digits");
        if (r.MaxResults is < 0 or > 50) throw DomainException.InvalidArgument("max_results", "must be 1..50 (0: 20)");
    }

    private void Occupation(string field, string code)
    {
        if (code.Length != 5 || !code.All(char.IsAsciiDigit)) throw DomainException.InvalidArgument(field, "must be a five-digit KldB 2010 code");
        // Only codes of the shipped list: the rules (regulated, level) need to know the occupation.
        if (catalog.Find(code) is null) throw DomainException.InvalidArgument(field, $"\"{code}\" is not in the service's KldB 2010 list (ListOccupations)");
    }

    private static void Country(string field, string value)
    {
        if (value.Length != 2 || !value.All(char.IsAsciiLetterUpper)) throw DomainException.InvalidArgument(field, "must be an ISO 3166-1 alpha-2 code such as \"SY\"");
    }

    private static void Recognition(string field, Recognition r)
    {
        if (r.State == RecognitionState.PartialEquivalence && r.CompensationMeasure == CompensationMeasure.Unspecified)
            throw DomainException.InvalidArgument($"{field}.compensation_measure", "is required for partial equivalence");
        if (r.State is RecognitionState.FullEquivalence or RecognitionState.PartialEquivalence or RecognitionState.None or RecognitionState.Rejected
            && r.DecidedAt is null)
            throw DomainException.InvalidArgument($"{field}.decided_at", "is required once the competent body has decided");
        if (r.State != RecognitionState.NotStarted && r.State != RecognitionState.Unspecified && r.CompetentBody.Length == 0)
            throw DomainException.InvalidArgument($"{field}.competent_body", "is required once a procedure is started");
    }

    private static void CourseFacts(string field, CourseFacts f)
    {
        if (f.Age is < 0 or > 120) throw DomainException.InvalidArgument($"{field}.age", "must be 0..120");
        if (f.ChildrenAges.Any(a => a is < 0 or > 30)) throw DomainException.InvalidArgument($"{field}.children_ages", "must each be 0..30");
        if (f.Gender is not ("" or "f" or "m" or "x")) throw DomainException.InvalidArgument($"{field}.gender", "must be \"f\", \"m\", \"x\" or empty");
    }
}
