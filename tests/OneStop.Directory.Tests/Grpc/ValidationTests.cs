using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

/// <summary>Bad input is INVALID_ARGUMENT naming the field, and the database is exactly as before.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private DirectoryTestHost _host = null!;
    private DirectoryService.DirectoryServiceClient _admin = null!;
    private DatabaseState _before = null!;

    public async Task InitializeAsync()
    {
        _host = await DirectoryTestHost.StartAsync();
        _admin = _host.ClientFor(KreisAdmin);
        await _admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        _before = await _host.StateAsync();
    }

    public async Task DisposeAsync()
    {
        Assert.Equal(_before, await _host.StateAsync());
        await _host.DisposeAsync();
    }

    public static TheoryData<string, Action<Service>> BadServices => new()
    {
        { "service.id", s => s.Id = "" },
        { "service.id", s => s.Id = new string('x', 65) },
        { "service.id", s => s.Id = "ein leerzeichen" },
        { "service.ownership", s => s.Ownership = null },
        { "service.ownership.region_ags", s => s.Ownership.RegionAgs = "0576" },
        { "service.ownership.region_ags", s => s.Ownership.RegionAgs = "0576602X" },
        { "service.name", s => s.Name = new string('n', 201) },
        { "service.description", s => s.Description = new string('d', 4001) },
        { "service.topics[1]", s => s.Topics.Add((Topic)99) },
        { "service.status", s => s.Status = (ServiceStatus)42 },
        { "service.languages[2]", s => s.Languages.Add("English") },
        { "service.eligibility.maximum_age", s => s.Eligibility = new Eligibility { MaximumAge = 131 } },
        { "service.eligibility.maximum_age_bound", s => s.Eligibility = new Eligibility { MaximumAgeBound = (AgeBound)7 } },
        { "service.service_areas[0].municipality_ags[0]", s => s.ServiceAreas.Add(new ServiceArea { MunicipalityAgs = { "123" } }) },
        { "service.schedules[0].weekly[0].closes_at", s => s.Schedules.Add(new Schedule { Weekly = { new OpeningHours { Day = V1.DayOfWeek.Monday, OpensAt = "09:00", ClosesAt = "25:00" } } }) },
        { "service.translations[0].language", s => s.Translations.Add(new Translation { Language = "DE" }) },
        { "service.funding[0].ends_on", s => s.Funding.Add(new Funding { Source = "BAMF", EndsOn = new Date { Year = 2025, Month = 2, Day = 30 } }) },
    };

    [Theory]
    [MemberData(nameof(BadServices))]
    public async Task Bad_service_is_rejected_naming_the_field(string field, Action<Service> spoil)
    {
        var service = Service("svc-1", "org-a");
        spoil(service);
        await RpcAssert.InvalidAsync(field, async () => await _admin.UpsertServiceAsync(new UpsertServiceRequest { Service = service }));
    }

    [Fact]
    public async Task Bad_location_and_missing_entry_are_rejected()
    {
        var location = Location("loc-1", "org-a");
        location.Address.MunicipalityAgs = "5766020";
        await RpcAssert.InvalidAsync("location.address.municipality_ags", async () => await _admin.UpsertLocationAsync(new UpsertLocationRequest { Location = location }));
        await RpcAssert.InvalidAsync("organization", async () => await _admin.UpsertOrganizationAsync(new UpsertOrganizationRequest()));
        var organization = Organization("org-b");
        organization.AgencyType = (AgencyType)99;
        await RpcAssert.InvalidAsync("organization.agency_type", async () => await _admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = organization }));
    }

    [Fact]
    public async Task Bad_ids_on_reads_and_deletes()
    {
        await RpcAssert.InvalidAsync("id", async () => await _host.Client().GetServiceAsync(new GetServiceRequest { Id = "" }));
        await RpcAssert.InvalidAsync("id", async () => await _host.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = new string('a', 65) }));
        await RpcAssert.InvalidAsync("id", async () => await _host.Client().GetLocationAsync(new GetLocationRequest { Id = "a/b" }));
        await RpcAssert.InvalidAsync("id", async () => await _admin.DeleteOrganizationAsync(new DeleteRequest { Id = "" }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, async () => await _host.Client().GetServiceAsync(new GetServiceRequest { Id = "fehlt" }));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(10_000_000)]
    [InlineData(-1)]
    public async Task Search_page_size_out_of_range(int pageSize) =>
        await RpcAssert.InvalidAsync("page_size", async () => await _host.Client().SearchServicesAsync(new SearchServicesRequest { PageSize = pageSize }));

    [Fact]
    public async Task Search_page_size_zero_means_the_default()
    {
        var response = await _host.Client().SearchServicesAsync(new SearchServicesRequest { PageSize = 0 });
        Assert.Equal(0, response.TotalSize);
    }

    [Fact]
    public async Task Search_filters_are_validated()
    {
        var client = _host.Client();
        await RpcAssert.InvalidAsync("municipality_ags", async () => await client.SearchServicesAsync(new SearchServicesRequest { MunicipalityAgs = "05766" }));
        await RpcAssert.InvalidAsync("age", async () => await client.SearchServicesAsync(new SearchServicesRequest { Age = 131 }));
        await RpcAssert.InvalidAsync("topics[0]", async () => await client.SearchServicesAsync(new SearchServicesRequest { Topics = { (Topic)99 } }));
        await RpcAssert.InvalidAsync("agency_types[0]", async () => await client.SearchServicesAsync(new SearchServicesRequest { AgencyTypes = { (AgencyType)99 } }));
        await RpcAssert.InvalidAsync("text", async () => await client.SearchServicesAsync(new SearchServicesRequest { Text = new string('t', 201) }));
    }
}
