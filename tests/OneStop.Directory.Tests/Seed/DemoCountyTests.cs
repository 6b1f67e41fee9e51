using OneStop.Directory.Data.Seed;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Seed;

public class DemoCountyTests
{
    [Fact]
    public void The_Kreis_has_16_Gemeinden_with_unique_8_digit_AGS()
    {
        var gemeinden = DemoCounty.Regions.Where(r => r.Level == RegionLevel.Gemeinde).ToList();

        Assert.Equal(16, gemeinden.Count);
        Assert.All(gemeinden, g => Assert.Matches("^05766[0-9]{3}$", g.Ags));
        Assert.Equal(16, gemeinden.Select(g => g.Ags).Distinct().Count());
        Assert.Equal("Detmold", gemeinden.Single(g => g.Ags == "05766020").Name);
        Assert.Equal("Lemgo", gemeinden.Single(g => g.Ags == "05766044").Name);
    }

    [Fact]
    public void Every_region_parent_exists()
    {
        var regions = DemoCounty.Regions;
        var codes = regions.Select(r => r.Ags).ToHashSet();

        Assert.All(regions.Where(r => r.ParentAgs.Length > 0), r => Assert.Contains(r.ParentAgs, codes));
        Assert.InRange(regions.Count(r => r.Level == RegionLevel.Planungsraum), 2, 3);
    }

    [Fact]
    public void References_between_records_resolve()
    {
        var organizations = DemoCounty.Organizations.Select(o => o.Id).ToHashSet();
        var services = DemoCounty.Services;
        var locations = DemoCounty.Locations.Select(l => l.Id).ToHashSet();

        Assert.All(services, s => Assert.Contains(s.OrganizationId, organizations));
        Assert.All(DemoCounty.Locations, l => Assert.Contains(l.OrganizationId, organizations));
        Assert.All(DemoCounty.ServicesAtLocation, sal =>
        {
            Assert.Contains(sal.ServiceId, services.Select(s => s.Id));
            Assert.Contains(sal.LocationId, locations);
        });
        Assert.All(services.SelectMany(s => s.Schedules).Where(s => s.LocationId.Length > 0), s => Assert.Contains(s.LocationId, locations));
    }

    [Fact]
    public void The_Integration_Point_offers_interpreting_in_the_languages_of_the_appointments_demo()
    {
        // services/OneStop.Appointments' demo interpreters name this service; their languages must be among its own.
        var interpreting = DemoCounty.Services.Single(s => s.Id == "svc-ip-sprachmittlung");

        Assert.Equal(DemoOrganizations.IntegrationPoint, interpreting.OrganizationId);
        Assert.Equal(ServiceStatus.Active, interpreting.Status);
        Assert.Superset(new HashSet<string> { "ar", "uk", "fa", "tr", "ru" }, interpreting.Languages.ToHashSet());
        Assert.Contains(DemoCounty.ServicesAtLocation, sal => sal.ServiceId == interpreting.Id && sal.LocationId == DemoLocations.Kreishaus);
    }

    [Fact]
    public void Ids_are_unique_per_kind()
    {
        Assert.Equal(DemoCounty.Organizations.Count, DemoCounty.Organizations.Select(o => o.Id).Distinct().Count());
        Assert.Equal(DemoCounty.Services.Count, DemoCounty.Services.Select(s => s.Id).Distinct().Count());
        Assert.Equal(DemoCounty.Locations.Count, DemoCounty.Locations.Select(l => l.Id).Distinct().Count());
        Assert.Equal(DemoCounty.ServicesAtLocation.Count, DemoCounty.ServicesAtLocation.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public void Demo_data_is_deterministic()
    {
        Assert.Equal(DemoCounty.Regions, DemoCounty.Regions);
        Assert.Equal(DemoCounty.Organizations, DemoCounty.Organizations);
        Assert.Equal(DemoCounty.Locations, DemoCounty.Locations);
        Assert.Equal(DemoCounty.Services, DemoCounty.Services);
        Assert.Equal(DemoCounty.ServicesAtLocation, DemoCounty.ServicesAtLocation);
    }

    [Fact]
    public void Callers_get_their_own_copies()
    {
        DemoCounty.Services[0].Name = "changed";

        Assert.NotEqual("changed", DemoCounty.Services[0].Name);
    }

    [Fact]
    public void The_landscape_has_the_agencies_the_brief_names()
    {
        var types = DemoCounty.Organizations.GroupBy(o => o.AgencyType).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(2, types[AgencyType.Mbe]);
        Assert.Equal(2, types[AgencyType.Jmd]);
        Assert.Equal(2, types[AgencyType.Kammer]);
        Assert.Equal(2, types[AgencyType.LanguageCourseProvider]);
        Assert.Contains(DemoCounty.Organizations, o => o.Ownership.RegionAgs == DemoRegions.Detmold);
    }

    [Fact]
    public void Eligibility_of_JMD_and_MBE_and_Arabic_is_right_to_left()
    {
        var jmd = DemoCounty.Services.Single(s => s.Id == "svc-jmd-detmold").Eligibility;
        var mbe = DemoCounty.Services.Single(s => s.Id == "svc-mbe-detmold").Eligibility;

        Assert.Equal((12, 27, AgeBound.Exclusive), (jmd.MinimumAge, jmd.MaximumAge, jmd.MaximumAgeBound));
        Assert.Equal(27, mbe.MinimumAge);
        Assert.False(mbe.HasMaximumAge);
        Assert.All(DemoCounty.Services, s => Assert.Equal(TextDirection.Rtl, s.Translations.Single(t => t.Language == "ar").TextDirection));
    }

    [Fact]
    public void Staleness_cases_are_present()
    {
        var seededOn = new DateOnly(2026, 10, 1);

        Assert.Contains(DemoCounty.Services, s => s.Funding.Any(f => f.EndsOn is { } end && new DateOnly(end.Year, end.Month, end.Day) < seededOn));
        Assert.Contains(DemoCounty.Services, s => s.AssuredDate is { } a && new DateOnly(a.Year, a.Month, a.Day) < seededOn.AddMonths(-12));
        Assert.Contains(DemoCounty.Services, s => s.Status == ServiceStatus.Inactive);
        Assert.All(DemoCounty.Services.SelectMany(s => s.Contacts), c => Assert.False(c.ShowName));
    }
}
