using OneStop.Skills.Tests.TestSupport;
using OneStop.Skills.V1;
using static OneStop.Skills.Tests.TestSupport.Scenario;

namespace OneStop.Skills.Tests.Grpc;

/// <summary>The people, end to end through gRPC: what is recorded, what is blocked, what comes next.</summary>
public sealed class ProfileScenarioTests
{
    [Fact]
    public async Task Carpenter_with_informal_experience_gets_a_practical_test_not_recognition()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest { ClientId = "c-carpenter", CourseFacts = new CourseFacts { Age = 30, Gender = "m" } });
        // Eight years in a joinery at home, no papers: self-reported first.
        profile = await skills.RecordSkillAsync(new RecordSkillRequest
        {
            ClientId = "c-carpenter", ExpectedVersion = profile.Version,
            Skill = new Skill { Code = "22342", Years = 8, Evidence = EvidenceLevel.SelfReported, DocumentsAvailable = false },
        });
        var before = await skills.GetProfileSummaryAsync(new GetProfileSummaryRequest { ClientId = "c-carpenter", Language = "en" });
        // Then the MySkills-type test observes it.
        profile = await skills.RecordSkillAsync(new RecordSkillRequest
        {
            ClientId = "c-carpenter", ExpectedVersion = profile.Version,
            Skill = new Skill { Code = "22342", Years = 8, Evidence = EvidenceLevel.PracticalTest, PracticalTestResultPercent = 78, EvidenceDate = At(2026, 5, 20) },
        });
        var after = await skills.GetProfileSummaryAsync(new GetProfileSummaryRequest { ClientId = "c-carpenter", Language = "de" });

        var skill = Assert.Single(profile.Skills);
        Assert.Equal((EvidenceLevel.PracticalTest, 78, 8.0), (skill.Evidence, skill.PracticalTestResultPercent, skill.Years));
        Assert.Empty(profile.Qualifications);
        Assert.Contains(before.NextSteps, s => s.Kind == NextStepKind.PracticalSkillsTest && s.KldbCode == "22342");
        Assert.DoesNotContain(before.NextSteps, s => s.Kind == NextStepKind.StartRecognition);
        Assert.DoesNotContain(after.NextSteps, s => s.Kind is NextStepKind.StartRecognition or NextStepKind.PracticalSkillsTest);
        Assert.Contains("im praktischen Test gezeigt", after.ClientText);
        Assert.Contains("78 %", after.CounsellorText);
        Assert.Empty(profile.BlockedOccupations);
    }

    [Fact]
    public async Task Nurse_with_partial_equivalence_gets_a_compensation_task_and_stays_blocked_until_full_equivalence()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest { ClientId = "c-nurse" });
        profile = await skills.AddQualificationAsync(new AddQualificationRequest
        {
            ClientId = "c-nurse", ExpectedVersion = profile.Version,
            Qualification = new Qualification
            {
                Country = "PH", OriginalTitle = "Bachelor of Science in Nursing", LevelScheme = LevelScheme.Isced, Level = 6,
                KldbCode = "81302", CertificateInGermany = true,
            },
        });
        var qualification = Assert.Single(profile.Qualifications);
        Assert.Equal((true, 6, RecognitionState.NotStarted), (qualification.Recognition.Regulated, qualification.DqrLevel, qualification.Recognition.State));
        Assert.Equal(["81302"], profile.BlockedOccupations);

        profile = await skills.UpdateRecognitionAsync(new UpdateRecognitionRequest
        {
            ClientId = "c-nurse", ExpectedVersion = profile.Version, QualificationId = qualification.Id,
            Recognition = new Recognition
            {
                Regulated = true, CompetentBody = "Bezirksregierung Münster", State = RecognitionState.PartialEquivalence,
                CompensationMeasure = CompensationMeasure.KnowledgeTest, AppliedAt = At(2026, 1, 10), DecidedAt = At(2026, 5, 2),
            },
        });
        var partial = Assert.Single(profile.Qualifications).Recognition;
        var summary = await skills.GetProfileSummaryAsync(new GetProfileSummaryRequest { ClientId = "c-nurse", Language = "en" });

        Assert.Equal((MeasureTaskStatus.Open, CompensationMeasure.KnowledgeTest), (partial.CompensationTaskStatus, partial.CompensationMeasure));
        Assert.NotEmpty(partial.CompensationTaskId);
        Assert.Equal(["81302"], profile.BlockedOccupations);
        Assert.Contains(summary.NextSteps, s => s.Kind == NextStepKind.CompensationMeasure && s.QualificationId == qualification.Id);
        Assert.Contains("You may not work as Health care and nursing (general) – skilled (registered nurse) yet", summary.ClientText);

        profile = await skills.UpdateRecognitionAsync(new UpdateRecognitionRequest
        {
            ClientId = "c-nurse", ExpectedVersion = profile.Version, QualificationId = qualification.Id,
            Recognition = new Recognition
            {
                Regulated = true, CompetentBody = "Bezirksregierung Münster", State = RecognitionState.FullEquivalence,
                CompensationMeasure = CompensationMeasure.KnowledgeTest, CompensationTaskStatus = MeasureTaskStatus.Done, DecidedAt = At(2026, 11, 3),
            },
        });
        var full = Assert.Single(profile.Qualifications).Recognition;
        Assert.Empty(profile.BlockedOccupations);
        Assert.Equal(partial.CompensationTaskId, full.CompensationTaskId); // one task, from naming to done
        var versions = await skills.ListProfileVersionsAsync(new ListProfileVersionsRequest { ClientId = "c-nurse" });
        Assert.Equal(["CreateProfile", "AddQualification", "UpdateRecognition", "UpdateRecognition"], versions.Versions.Select(v => v.Change));
        Assert.Equal(RecognitionState.PartialEquivalence, versions.Versions[2].Profile.Qualifications[0].Recognition.State);
        Assert.All(versions.Versions, v => Assert.Equal(IpCounsellor.Subject, v.ActorSubject));
    }

    [Fact]
    public async Task Woman_at_A1_with_children_of_two_and_five_is_offered_a_womens_course_with_childcare()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest
        {
            ClientId = "c-mother", CourseFacts = new CourseFacts { Age = 31, Gender = "f", ChildrenAges = { 2, 5 } },
        });
        profile = await skills.RecordLanguageResultAsync(new RecordLanguageResultRequest
        {
            ClientId = "c-mother", ExpectedVersion = profile.Version,
            Result = new LanguageResult
            {
                Language = "de", Listening = Cefr.A1, Reading = Cefr.A1, Speaking = Cefr.A1, Writing = Cefr.PreA1,
                Evidence = LanguageEvidence.PlacementTest, AssessedAt = At(2026, 5, 28),
            },
        });
        var summary = await skills.GetProfileSummaryAsync(new GetProfileSummaryRequest { ClientId = "c-mother", Language = "uk" });

        Assert.Equal(CourseType.WomenWithChildcare, profile.SuggestedCourse);
        var course = Assert.Single(summary.NextSteps);
        Assert.Equal((NextStepKind.LanguageCourse, CourseType.WomenWithChildcare), (course.Kind, course.Course));
        Assert.Equal("Курс: жіночий інтеграційний курс з доглядом за дітьми.", course.Text);
    }

    [Fact]
    public async Task Underemployment_is_flagged_when_current_work_is_two_levels_below_the_qualification()
    {
        await using var host = await SkillsTestHost.StartAsync(new ManualClock(Now));
        var skills = host.Skills(IpCounsellor);
        var profile = await skills.CreateProfileAsync(new CreateProfileRequest { ClientId = "c-engineer" });
        profile = await skills.AddQualificationAsync(new AddQualificationRequest
        {
            ClientId = "c-engineer", ExpectedVersion = profile.Version,
            Qualification = new Qualification { Country = "SY", OriginalTitle = "Bachelor Electrical Engineering", LevelScheme = LevelScheme.Dqr, Level = 6, KldbCode = "26304" },
        });
        Assert.False(profile.Underemployed);
        profile = await skills.AddWorkHistoryAsync(new AddWorkHistoryRequest
        {
            ClientId = "c-engineer", ExpectedVersion = profile.Version,
            Entry = new WorkHistoryEntry { KldbCode = "51311", Country = "DE", Years = 1, Current = true },
        });
        var summary = await skills.GetProfileSummaryAsync(new GetProfileSummaryRequest { ClientId = "c-engineer", Language = "ar" });

        Assert.True(profile.Underemployed);
        Assert.Contains(summary.NextSteps, s => s.Kind == NextStepKind.JobMatching);
        Assert.Contains(summary.NextSteps, s => s.Kind == NextStepKind.BringCertificate); // the certificate is not in Germany
        Assert.Contains("عملك الحالي أقل بكثير من مؤهلك.", summary.ClientText);
    }
}
