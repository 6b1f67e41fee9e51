using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

public sealed class HsdsExchangeTests
{
    [Fact]
    public async Task Export_then_import_into_an_empty_directory_gives_the_same_entries()
    {
        await using var source = await DirectoryTestHost.StartAsync();
        var admin = source.ClientFor(KreisAdmin);
        await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        var service = await admin.UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-1", "org-a") });
        var document = await source.Client().ExportHsdsAsync(new ExportHsdsRequest());

        await using var target = await DirectoryTestHost.StartAsync();
        var imported = await target.ClientFor(KreisAdmin).ImportHsdsAsync(document);
        Assert.Equal((1, 1), (imported.Organizations, imported.Services));
        var copy = await target.Client().GetServiceAsync(new GetServiceRequest { Id = "svc-1" });
        Assert.Equal(service.Name, copy.Name);
        Assert.Equal(service.Ownership, copy.Ownership);

        // The same document again: identical records, nothing written.
        var before = await target.StateAsync();
        await target.ClientFor(KreisAdmin).ImportHsdsAsync(document);
        Assert.Equal(before, await target.StateAsync());
    }

    [Fact]
    public async Task Import_needs_region_admin_and_ownership_of_every_record_else_nothing_is_written()
    {
        await using var source = await DirectoryTestHost.StartAsync();
        var gemeindeOrganization = Organization("stadt-detmold", Gemeinde);
        await source.ClientFor(GemeindeAdmin).UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = gemeindeOrganization });
        await source.ClientFor(KreisAdmin).UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        var document = await source.Client().ExportHsdsAsync(new ExportHsdsRequest());

        await using var target = await DirectoryTestHost.StartAsync();
        var before = await target.StateAsync();
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, async () => await target.Client().ImportHsdsAsync(document));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await target.ClientFor(OrgA).ImportHsdsAsync(document));
        // The Kreis admin may import org-a (Kreis-owned) but not the Gemeinde's organization: the whole import fails.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await target.ClientFor(KreisAdmin).ImportHsdsAsync(document));
        await RpcAssert.InvalidAsync("$", async () => await target.ClientFor(KreisAdmin).ImportHsdsAsync(new HsdsDocument { Json = "{not json" }));
        Assert.Equal(before, await target.StateAsync());
    }
}
