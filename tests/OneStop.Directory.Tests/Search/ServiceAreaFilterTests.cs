using OneStop.Directory.Data.Seed;
using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Search;

public class ServiceAreaFilterTests
{
    [Theory]
    [InlineData(DemoRegions.Detmold)]
    [InlineData(DemoRegions.Extertal)]
    [InlineData(DemoRegions.Schlangen)]
    public void County_wide_services_serve_every_Gemeinde(string ags)
    {
        var ids = DemoSearch.Ids(new SearchServicesRequest { MunicipalityAgs = ags });

        Assert.Contains("svc-ip-erstberatung", ids);   // area "05766"
        Assert.Contains("svc-abh-aufenthaltstitel", ids);
    }

    [Fact]
    public void A_Gemeinde_only_service_serves_that_Gemeinde_alone()
    {
        Assert.Contains("svc-ib-detmold-integrationslotsen", DemoSearch.Ids(new SearchServicesRequest { MunicipalityAgs = DemoRegions.Detmold }));
        Assert.DoesNotContain("svc-ib-detmold-integrationslotsen", DemoSearch.Ids(new SearchServicesRequest { MunicipalityAgs = DemoRegions.Lemgo }));
    }

    [Fact]
    public void The_right_JMD_serves_each_part_of_the_county()
    {
        Assert.Equal(["svc-jmd-detmold"], DemoSearch.Ids(new SearchServicesRequest { MunicipalityAgs = DemoRegions.Detmold, AgencyTypes = { AgencyType.Jmd } }));
        Assert.Equal(["svc-jmd-bad-salzuflen"], DemoSearch.Ids(new SearchServicesRequest { MunicipalityAgs = DemoRegions.Lemgo, AgencyTypes = { AgencyType.Jmd } }));
    }

    [Fact]
    public void A_Gemeinde_outside_the_Kreis_matches_nothing()
    {
        var response = DemoSearch.Index.Search(new SearchServicesRequest { MunicipalityAgs = "05711000" }, DemoSearch.Now); // Bielefeld

        Assert.Equal(0, response.TotalSize);
        Assert.Empty(response.Services);
    }

    [Fact]
    public void A_service_without_service_areas_does_not_match_a_municipality_filter()
    {
        var service = new Service { Id = "svc-nowhere", Name = "Ohne Gebiet", Status = ServiceStatus.Active };
        var index = ServiceSearchIndex.Build([service], [], DemoCounty.Regions);

        Assert.Equal(0, index.Search(new SearchServicesRequest { MunicipalityAgs = DemoRegions.Detmold }, DemoSearch.Now).TotalSize);
        Assert.Equal(1, index.Search(new SearchServicesRequest(), DemoSearch.Now).TotalSize);
    }

    [Fact]
    public void A_service_area_naming_a_Planungsraum_covers_its_Gemeinden()
    {
        var service = new Service { Id = "svc-pr", Name = "Planungsraum Süd", Status = ServiceStatus.Active };
        service.ServiceAreas.Add(new ServiceArea { Id = "a", MunicipalityAgs = { DemoRegions.PlanungsraumSued } });
        var index = ServiceSearchIndex.Build([service], [], DemoCounty.Regions);

        Assert.Equal(1, index.Search(new SearchServicesRequest { MunicipalityAgs = DemoRegions.Luegde }, DemoSearch.Now).TotalSize);
        Assert.Equal(0, index.Search(new SearchServicesRequest { MunicipalityAgs = DemoRegions.Lemgo }, DemoSearch.Now).TotalSize);
    }
}
