using OneStop.Skills.CodeLists;
using OneStop.Skills.Domain;
using OneStop.Skills.V1;

namespace OneStop.Skills.Tests.Domain;

/// <summary>The course suggestion's order of needs, the code list as shipped, and the level mapping.</summary>
public sealed class ProfileRulesTests
{
    private static Profile With(CourseFacts facts, Cefr lowestGerman = Cefr.A1)
    {
        var profile = new Profile { CourseFacts = facts };
        profile.Languages.Add(new LanguageResult { Language = "de", Listening = lowestGerman, Reading = lowestGerman, Speaking = lowestGerman, Writing = lowestGerman });
        return profile;
    }

    [Theory]
    [InlineData(31, "f", new[] { 2, 5 }, false, false, CourseType.WomenWithChildcare)]
    [InlineData(31, "f", new[] { 7, 9 }, false, false, CourseType.GeneralIntegration)] // school children: no childcare needed
    [InlineData(31, "f", new[] { 2 }, true, false, CourseType.Literacy)]             // literacy comes first
    [InlineData(22, "m", new int[0], false, false, CourseType.Youth)]
    [InlineData(27, "m", new int[0], false, false, CourseType.GeneralIntegration)]   // the youth course ends before 27
    [InlineData(35, "m", new int[0], false, true, CourseType.Intensive)]
    public void Course_follows_the_most_specific_need(int age, string gender, int[] children, bool literacy, bool fast, CourseType expected)
    {
        var facts = new CourseFacts { Age = age, Gender = gender, LiteracyNeeds = literacy, FastLearner = fast };
        facts.ChildrenAges.AddRange(children);
        Assert.Equal(expected, ProfileRules.SuggestCourse(With(facts)));
    }

    [Fact]
    public void No_course_once_every_german_sub_skill_is_at_B1() =>
        Assert.Equal(CourseType.Unspecified, ProfileRules.SuggestCourse(With(new CourseFacts { Age = 22 }, Cefr.B1)));

    [Fact]
    public void Shipped_code_list_covers_the_shortage_fields_and_is_consistent()
    {
        var catalog = OccupationCatalog.Load(Path.Combine(AppContext.BaseDirectory, "CodeLists", OccupationCatalog.FileName));

        Assert.InRange(catalog.All.Count, 100, 200);
        foreach (var field in new[] { "care", "childcare", "electrical", "metal", "it", "logistics", "hospitality" })
            Assert.Contains(catalog.All, o => o.Field == field && o.Shortage);
        Assert.All(catalog.All, o => Assert.Matches("^[0-9]{4}[1-4]$", o.KldbCode));
        Assert.All(catalog.All, o => Assert.Matches("^http://data.europa.eu/esco/isco/C[0-9]{4}$", o.EscoUri));
        Assert.True(catalog.Find("81302")!.Regulated);
        Assert.False(catalog.Find("22342")!.Regulated);
        Assert.Equal((2, 4, 6, 7), (OccupationCatalog.DqrOf("51311"), OccupationCatalog.DqrOf("26212"), OccupationCatalog.DqrOf("26213"), OccupationCatalog.DqrOf("43414")));
    }
}
