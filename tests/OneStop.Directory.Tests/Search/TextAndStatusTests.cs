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
