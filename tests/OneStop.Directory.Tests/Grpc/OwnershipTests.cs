using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

public sealed class OwnershipTests : IAsyncLifetime
{
    private DirectoryTestHost _host = null!;
    private Service _kreisOwned = null!;
    private Service _gemeindeOwned = null!;

    public async Task InitializeAsync()
    {
        _host = await DirectoryTestHost.StartAsync();
        var admin = _host.ClientFor(KreisAdmin);
        await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-b") });
        _kreisOwned = await _host.ClientFor(OrgA).UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-kreis", "org-a") });
        // Provided by org-a, but owned by the Gemeinde Detmold: only Detmold (or its admin) may change it.
        var gemeindeService = Service("svc-gemeinde", "org-a");
        gemeindeService.Ownership = Owned("stadt-detmold", Gemeinde);
        _gemeindeOwned = await _host.ClientFor(GemeindeAdmin).UpsertServiceAsync(new UpsertServiceRequest { Service = gemeindeService });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_owning_organization_may_change_its_entry()
    {
        var updated = await _host.ClientFor(OrgA).UpsertServiceAsync(new UpsertServiceRequest { Service = Renamed(_kreisOwned) });
        Assert.Equal("umbenannt", updated.Name);
    }

    [Fact]
    public async Task Another_organization_is_denied_and_nothing_is_written()
    {
        var before = await _host.StateAsync();
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await _host.ClientFor(OrgB).UpsertServiceAsync(new UpsertServiceRequest { Service = Renamed(_kreisOwned) }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await _host.ClientFor(OrgB).DeleteServiceAsync(new DeleteRequest { Id = _kreisOwned.Id, Etag = _kreisOwned.Etag }));
        Assert.Equal(before, await _host.StateAsync());
    }

    [Fact]
    public async Task Nobody_can_give_an_entry_away_to_another_owner()
    {
        var giveAway = Renamed(_kreisOwned);
        giveAway.Ownership = Owned("org-b");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await _host.ClientFor(OrgA).UpsertServiceAsync(new UpsertServiceRequest { Service = giveAway }));
        // Nor create one for somebody else.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await _host.ClientFor(OrgA).UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-new", "org-b") }));
    }

    [Fact]
    public async Task Kreis_admin_may_change_Kreis_owned_entries()
    {
        var updated = await _host.ClientFor(KreisAdmin).UpsertServiceAsync(new UpsertServiceRequest { Service = Renamed(_kreisOwned) });
        Assert.Equal("umbenannt", updated.Name);
    }

    [Fact]
    public async Task Kreis_admin_may_not_change_Gemeinde_owned_entries()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await _host.ClientFor(KreisAdmin).UpsertServiceAsync(new UpsertServiceRequest { Service = Renamed(_gemeindeOwned) }));
        var updated = await _host.ClientFor(GemeindeAdmin).UpsertServiceAsync(new UpsertServiceRequest { Service = Renamed(_gemeindeOwned) });
        Assert.Equal("umbenannt", updated.Name);
    }

    [Fact]
    public async Task Anonymous_writes_are_unauthenticated()
    {
        var before = await _host.StateAsync();
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            async () => await _host.Client().UpsertServiceAsync(new UpsertServiceRequest { Service = Renamed(_kreisOwned) }));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            async () => await _host.Client().DeleteServiceAsync(new DeleteRequest { Id = _kreisOwned.Id, Etag = _kreisOwned.Etag }));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            async () => await _host.Client("not-a-token").UpsertServiceAsync(new UpsertServiceRequest { Service = Renamed(_kreisOwned) }));
        Assert.Equal(before, await _host.StateAsync());
    }

    private static Service Renamed(Service service)
    {
        var copy = service.Clone();
        copy.Name = "umbenannt";
        return copy;
    }
}
