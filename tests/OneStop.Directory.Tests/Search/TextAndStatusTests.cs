using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Search;

public class TextAndStatusTests
{
    [Theory]
    [InlineData("Ausländerbehörde")]
    [InlineData("Auslaenderbehoerde")]
    [InlineData("AUSLÄNDERBEHÖRDE")]
    [InlineData("Ausla\u0308nderbeho\u0308rde")] // decomposed umlauts
    [InlineData("ausländerbehörde lippe")]     // every word must occur
    public void Umlaut_spellings_find_the_same_service(string text)
    {
        Assert.Contains("svc-abh-aufenthaltstitel", DemoSearch.Ids(new SearchServicesRequest { Text = text }));
    }

    [Fact]
    public void Text_search_covers_translations()
    {
        Assert.Contains("svc-ip-erstberatung", DemoSearch.Ids(new SearchServicesRequest { Text = "الاندماج" }));
        Assert.Contains("svc-wc-ankommen", DemoSearch.Ids(new SearchServicesRequest { Text = "newly arrived" }));
    }

    [Theory]
    [InlineData("دورة لغة")]       // singular, indefinite: the text says دورات اللغة (plural, with the article)
    [InlineData("دورات اللغة")]
    [InlineData("دَوْرَة لُغَة")]     // with tashkeel
    [InlineData("دوره لغه")]       // taa marbuta typed as haa
    public void Arabic_free_text_finds_the_language_courses_that_Sprachkurs_finds(string arabic)
    {
        var german = DemoSearch.Ids(new SearchServicesRequest { Text = "Sprachkurs" });
        Assert.Equal(new[] { "svc-jc-eingliederung", "svc-sprachinstitut-berufssprachkurse" }.Order(), german.Order());

        var found = DemoSearch.Ids(new SearchServicesRequest { Text = arabic, ResponseLanguage = "ar" });
        Assert.All(german, id => Assert.Contains(id, found));
    }

    [Theory]
    [InlineData("أسرة", "اسره")]              // alef with hamza above, taa marbuta
    [InlineData("إقامة", "اقامه")]            // alef with hamza below
    [InlineData("آمن", "امن")]                // alef madda
    [InlineData("مستشفى", "مستشفي")]          // alef maqsura
    [InlineData("الاندمـــاج", "الاندماج")]    // tatweel
    public void Fold_unifies_arabic_spellings(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
    }

    [Theory]
    [InlineData("з'явитися")]       // ASCII apostrophe
    [InlineData("з’явитися")]       // right single quotation mark
    [InlineData("ЗʼЯВИТИСЯ")]       // modifier letter apostrophe (the standard one), upper case
    [InlineData("зявитися")]
    public void Fold_unifies_ukrainian_apostrophes_and_case(string text)
    {
        Assert.Equal("зявитися", SearchText.Fold(text));
        Assert.Equal(["зявитися"], SearchText.Words(SearchText.Fold(text)));
    }

    [Fact]
    public void Fold_composes_decomposed_ukrainian_letters()
    {
        Assert.Equal("їжак й", SearchText.Fold("і\u0308жак и\u0306"));
    }

    [Fact]
    public void Text_that_occurs_nowhere_matches_nothing()
    {
        Assert.Empty(DemoSearch.Ids(new SearchServicesRequest { Text = "Ausländerbehörde Raumfahrt" }));
    }

    [Fact]
    public void Fold_spells_out_umlauts_and_sharp_s()
    {
        Assert.Equal("strasse fuer muell", SearchText.Fold("Straße für Müll"));
    }

    [Fact]
    public void Inactive_services_are_excluded_unless_asked_for()
    {
        Assert.DoesNotContain("svc-ikv-frauentreff", DemoSearch.Ids(new SearchServicesRequest()));
        Assert.Contains("svc-ikv-frauentreff", DemoSearch.Ids(new SearchServicesRequest { IncludeInactive = true }));
    }

    [Fact]
    public void Topics_agency_types_and_attending_types_are_any_of_and_combine_with_and()
    {
        var ids = DemoSearch.Ids(new SearchServicesRequest
        {
            Topics = { Topic.Anerkennung, Topic.Aufenthalt },
            AttendingTypes = { AttendingType.Online },
        });

        Assert.Equal(new[] { "svc-iq-anerkennungsberatung", "svc-abh-fachkraefteverfahren" }.Order(), ids.Order());
        Assert.Equal(new[] { "svc-ihk-anerkennung", "svc-hwk-anerkennung" }.Order(),
            DemoSearch.Ids(new SearchServicesRequest { AgencyTypes = { AgencyType.Kammer } }).Order());
    }
}
