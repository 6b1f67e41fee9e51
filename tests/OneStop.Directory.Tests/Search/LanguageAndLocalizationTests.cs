using OneStop.Directory.Data.Seed;
using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Search;

public class LanguageAndLocalizationTests
{
    [Fact]
    public void Language_filter_keeps_services_offered_in_that_language_ignoring_case()
    {
        var arabic = DemoSearch.Ids(new SearchServicesRequest { Language = "ar" });

        Assert.Contains("svc-ip-erstberatung", arabic);
        Assert.DoesNotContain("svc-ihk-anerkennung", arabic); // de, en only
        Assert.Equal(arabic, DemoSearch.Ids(new SearchServicesRequest { Language = "AR" }));
    }

    [Fact]
    public void Missing_translation_falls_back_to_German()
    {
        var response = DemoSearch.Index.Search(new SearchServicesRequest { Text = "Integrationslotsen", ResponseLanguage = "uk" }, DemoSearch.Now);

        var service = Assert.Single(response.Services);
        Assert.Equal("Integrationslotsen der Stadt Detmold", service.Name);
    }

    [Fact]
    public void Arabic_response_language_returns_Arabic_texts_and_keeps_translations()
    {
        var response = DemoSearch.Index.Search(new SearchServicesRequest { Text = "Integrationslotsen", ResponseLanguage = "ar" }, DemoSearch.Now);

        var service = Assert.Single(response.Services);
        Assert.Equal("مرشدو الاندماج في مدينة ديتمولد", service.Name);
        Assert.StartsWith("يرافقك", service.Description);
        Assert.Equal(TextDirection.Rtl, service.Translations.Single(t => t.Language == "ar").TextDirection);
    }

    [Fact]
    public void Localize_uses_the_primary_language_and_German_for_empty_translated_fields()
    {
        var service = new Service { Name = "Beratung", Description = "Text", ApplicationProcess = "Anrufen" };
        service.Translations.Add(new Translation { Language = "ar", Name = "استشارة" });

        var localized = Localizer.Localize(service, "ar-SY");

        Assert.Equal("استشارة", localized.Name);
        Assert.Equal("Text", localized.Description);
        Assert.Equal("Anrufen", localized.ApplicationProcess);
        Assert.Equal("Beratung", service.Name); // the input is untouched
    }

    [Fact]
    public void Localize_organization_and_location()
    {
        var organization = DemoCounty.Organizations.Single(o => o.Id == DemoOrganizations.Jobcenter);
        var location = DemoCounty.Locations.Single(l => l.Id == DemoLocations.Online);

        Assert.Equal("مركز العمل ليبه", Localizer.Localize(organization, "ar").Name);
        Assert.Equal("Jobcenter Lippe", Localizer.Localize(organization, "de").Name);
        Assert.Equal("Online advice Lippe", Localizer.Localize(location, "en").Name);
        Assert.Equal("Online-Beratung Lippe", Localizer.Localize(location, "uk").Name);
    }
}
