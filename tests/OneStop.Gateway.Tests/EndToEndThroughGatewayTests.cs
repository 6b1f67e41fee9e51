using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OneStop.Appointments.V1;
using OneStop.Directory.V1;
using OneStop.Gateway.Tests.Support;
using OneStop.ServiceDefaults.Identity;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests;

/// <summary>
/// The real directory and appointments services, built, seeded and run as processes the way `./onestop up` runs
/// them, behind the gateway: an outside client with a token searches the directory and finds joint slots.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private readonly List<ServiceProcess> _services = [];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onestop-gateway-e2e", Guid.NewGuid().ToString("N"));

    public GatewayTestHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_data);
        var common = new Dictionary<string, string>
        {
            ["OneStop__DataDirectory"] = _data,
            // No cache in this test: the directory read path falls back to gRPC by design (and this port is unused).
            ["OneStop__Redis"] = $"127.0.0.1:{FreePort.Pick()}",
        };
        await ServiceProcess.SeedAsync("services/OneStop.Directory", common);
        var directory = await ServiceProcess.StartServiceAsync("services/OneStop.Directory", common);
        _services.Add(directory);
        var withDirectory = new Dictionary<string, string>(common) { ["OneStop__Directory__DirectoryAddress"] = directory.Address.ToString() };
        await ServiceProcess.SeedAsync("services/OneStop.Appointments", withDirectory);
        var appointments = await ServiceProcess.StartServiceAsync("services/OneStop.Appointments", withDirectory);
        _services.Add(appointments);

        // The routes of the shipped appsettings.json: what a user of `./onestop up` calls.
        Gateway = await GatewayTestHost.StartAsync(ShippedRoutes.To(directory.Address, appointments.Address));
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var service in _services) service.Dispose();
        try { System.IO.Directory.Delete(_data, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

[Collection(ServiceProcessCollection.Name)]
public sealed partial class EndToEndThroughGatewayTests(SuiteFixture suite) : IClassFixture<SuiteFixture>
{
    private static readonly string FrontdeskToken =
        DevelopmentTokens.Create("frontdesk-1", "org-ip-lippe", "05766", [OneStopRoles.Frontdesk]);

    [Fact]
    public async Task A_client_with_a_token_searches_the_directory_through_the_gateway()
    {
        var directory = new DirectoryService.DirectoryServiceClient(suite.Gateway.CallInvoker(FrontdeskToken));

        var found = await directory.SearchServicesAsync(new SearchServicesRequest { Language = "ar", ResponseLanguage = "ar" },
            deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.NotEmpty(found.Services);
        Assert.All(found.Services, s => Assert.Contains("ar", s.Languages));
    }

    [Fact]
    public async Task A_frontdesk_client_finds_joint_slots_through_the_gateway()
    {
        var appointments = new AppointmentsService.AppointmentsServiceClient(suite.Gateway.CallInvoker(FrontdeskToken));
        var start = DateTime.UtcNow.Date.AddDays(3);

        var slots = await appointments.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = "type-joint-aufenthalt-arbeit",
            RangeStart = Timestamp.FromDateTime(start),
            RangeEnd = Timestamp.FromDateTime(start.AddDays(14)),
            MaxResults = 5,
        }, deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.NotEmpty(slots.Slots);
        Assert.All(slots.Slots, slot => Assert.True(slot.Resources.Count >= 2, "a joint slot names several resources"));
    }

    [Fact]
    public async Task The_public_directory_is_read_anonymously_through_the_gateway()
    {
        var directory = new DirectoryService.DirectoryServiceClient(suite.Gateway.CallInvoker());
        var deadline = DateTime.UtcNow.AddSeconds(30);

        var found = await directory.SearchServicesAsync(new SearchServicesRequest { Language = "ar" }, deadline: deadline);
        var organization = await directory.GetOrganizationAsync(new GetOrganizationRequest { Id = found.Services[0].OrganizationId }, deadline: deadline);
        var service = await directory.GetServiceAsync(new GetServiceRequest { Id = found.Services[0].Id }, deadline: deadline);
        var regions = await directory.ListRegionsAsync(new ListRegionsRequest { ParentAgs = "05766" }, deadline: deadline);
        var export = await directory.ExportHsdsAsync(new ExportHsdsRequest(), deadline: deadline);

        Assert.Equal(found.Services[0].OrganizationId, organization.Id);
        Assert.Equal(found.Services[0].Id, service.Id);
        Assert.NotEmpty(regions.Regions);
        Assert.Contains(found.Services[0].Id, export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_writes_and_the_change_feed_still_need_a_token_at_the_gateway()
    {
        var directory = new DirectoryService.DirectoryServiceClient(suite.Gateway.CallInvoker());
        var deadline = DateTime.UtcNow.AddSeconds(30);

        var write = await Assert.ThrowsAsync<RpcException>(() => directory.UpsertOrganizationAsync(
            new UpsertOrganizationRequest { Organization = new Organization { Id = "org-x" } }, deadline: deadline).ResponseAsync);
        var delete = await Assert.ThrowsAsync<RpcException>(() => directory.DeleteServiceAsync(
            new DeleteRequest { Id = "svc-x", Etag = "1" }, deadline: deadline).ResponseAsync);
        using var watch = directory.WatchChanges(new WatchChangesRequest(), deadline: deadline);
        var feed = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.All([write, delete, feed], e => Assert.Equal(StatusCode.Unauthenticated, e.StatusCode));
        Assert.Equal("Bearer", write.Trailers.GetValue("www-authenticate"));
    }

    [Fact]
    public async Task A_forged_token_on_a_public_read_is_refused_at_the_gateway()
    {
        var forged = DevelopmentTokens.Create("frontdesk-1", "org-ip-lippe", "05766", [OneStopRoles.Frontdesk], key: new byte[64]);
        var directory = new DirectoryService.DirectoryServiceClient(suite.Gateway.CallInvoker(forged));

        var error = await Assert.ThrowsAsync<RpcException>(() => directory.SearchServicesAsync(new SearchServicesRequest(),
            deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The token's signature is invalid\"", error.Trailers.GetValue("www-authenticate"));
    }

    [Fact]
    public async Task Without_a_token_the_appointments_route_answers_UNAUTHENTICATED()
    {
        var appointments = new AppointmentsService.AppointmentsServiceClient(suite.Gateway.CallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(() => appointments.FindJointSlotsAsync(new FindJointSlotsRequest(),
            deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
