using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Search;

public class AgeFilterTests
{
    // JMD: 12 up to the 27th birthday (maximum 27, EXCLUSIVE). MBE: from 27 (minimum 27, inclusive).
    [Theory]
    [InlineData(AgencyType.Jmd, 11, false)]
    [InlineData(AgencyType.Jmd, 12, true)]
    [InlineData(AgencyType.Jmd, 26, true)]
    [InlineData(AgencyType.Jmd, 27, false)]
    [InlineData(AgencyType.Mbe, 11, false)]
    [InlineData(AgencyType.Mbe, 12, false)]
    [InlineData(AgencyType.Mbe, 26, false)]
    [InlineData(AgencyType.Mbe, 27, true)]
    public void Age_bounds_of_JMD_and_MBE(AgencyType agency, int age, bool expectMatches)
    {
        var ids = DemoSearch.Ids(new SearchServicesRequest { AgencyTypes = { agency }, Age = age });

        if (expectMatches)
        {
            Assert.Equal(2, ids.Length); // two providers of each in the demo county
        }
        else
        {
            Assert.Empty(ids);
        }
    }

    [Fact]
    public void Inclusive_maximum_admits_the_maximum_age_itself()
    {
        var service = new Service
        {
            Id = "svc-x", Name = "X", Status = ServiceStatus.Active,
            Eligibility = new Eligibility { MaximumAge = 18, MaximumAgeBound = AgeBound.Unspecified },
        };
        var index = ServiceSearchIndex.Build([service], [], []);

        Assert.Equal(1, index.Search(new SearchServicesRequest { Age = 18 }, DemoSearch.Now).TotalSize);
        Assert.Equal(0, index.Search(new SearchServicesRequest { Age = 19 }, DemoSearch.Now).TotalSize);
    }

    [Fact]
    public void Services_without_age_bounds_match_every_age()
    {
        var ids = DemoSearch.Ids(new SearchServicesRequest { Age = 5 });

        Assert.Contains("svc-ip-erstberatung", ids);
        Assert.DoesNotContain("svc-jmd-detmold", ids);
        Assert.DoesNotContain("svc-jc-eingliederung", ids); // minimum 15
    }
}
