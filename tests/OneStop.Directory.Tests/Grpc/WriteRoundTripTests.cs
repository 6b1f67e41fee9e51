using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

public sealed class WriteRoundTripTests
{
    [Fact]
    public async Task Create_read_update_delete_round_trip()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        var orgA = host.ClientFor(OrgA);

        var organization = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        Assert.NotEmpty(organization.Etag);
        Assert.NotNull(organization.LastModified);

        var created = await orgA.UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-1", "org-a") });
        Assert.NotEqual(organization.Etag, created.Etag);

        var read = await host.Client().GetServiceAsync(new GetServiceRequest { Id = "svc-1" });
        Assert.Equal(created, read);

        var change = created.Clone();
        change.Name = "Beratung neu";
        var updated = await orgA.UpsertServiceAsync(new UpsertServiceRequest { Service = change });
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal("Beratung neu", (await host.Client().GetServiceAsync(new GetServiceRequest { Id = "svc-1" })).Name);

        var deleted = await orgA.DeleteServiceAsync(new DeleteRequest { Id = "svc-1", Etag = updated.Etag });
        Assert.True(deleted.Version > long.Parse(updated.Etag, System.Globalization.CultureInfo.InvariantCulture));
        await RpcAssert.FailsAsync(StatusCode.NotFound, async () => await host.Client().GetServiceAsync(new GetServiceRequest { Id = "svc-1" }));

        // Organization, create, update, delete: four changes, in order.
        var state = await host.StateAsync();
        Assert.Equal(new DatabaseState(1, 0, 0, 0, 4, deleted.Version), state);
    }

    [Fact]
    public async Task Get_in_a_language_uses_the_translation_and_falls_back_to_German()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var organization = Organization("org-a");
        organization.Translations.Add(new Translation { Language = "en", Name = "Organisation A (en)" });
        await host.ClientFor(KreisAdmin).UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = organization });

        Assert.Equal("Organisation A (en)", (await host.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = "org-a", Language = "en" })).Name);
        Assert.Equal("Organisation org-a", (await host.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = "org-a", Language = "uk" })).Name);
    }

    [Fact]
    public async Task Stale_or_missing_etag_is_aborted_and_nothing_is_written()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        var first = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        var second = first.Clone();
        second.Name = "zweite Fassung";
        second = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = second });
        var before = await host.StateAsync();

        var stale = second.Clone();
        stale.Etag = first.Etag;
        stale.Name = "veraltet";
        await RpcAssert.FailsAsync(StatusCode.Aborted, async () => await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = stale }));
        stale.Etag = "";
        await RpcAssert.FailsAsync(StatusCode.Aborted, async () => await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = stale }));
        await RpcAssert.FailsAsync(StatusCode.Aborted, async () => await admin.DeleteOrganizationAsync(new DeleteRequest { Id = "org-a", Etag = first.Etag }));
        await RpcAssert.FailsAsync(StatusCode.Aborted, async () => await admin.DeleteOrganizationAsync(new DeleteRequest { Id = "org-a" }));

        Assert.Equal(before, await host.StateAsync());
        Assert.Equal("zweite Fassung", (await host.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = "org-a" })).Name);
    }

    [Fact]
    public async Task Ten_concurrent_updates_with_the_same_etag_exactly_one_wins()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        var stored = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        var before = await host.StateAsync();

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            var update = stored.Clone();
            update.Name = $"Fassung {i}";
            await start.WaitAsync();
            try
            {
                return (await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = update })).Name;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted)
            {
                return null;
            }
        })).ToList();
        start.Release(10);
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(9, results.Count(r => r is null));
        Assert.Equal(winner, (await host.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = "org-a" })).Name);
        Assert.Equal(before.Changes + 1, (await host.StateAsync()).Changes);
    }

    [Fact]
    public async Task References_must_exist_and_blocking_dependents_prevent_deletion()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        await RpcAssert.InvalidAsync("service.organization_id",
            async () => await admin.UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-1", "org-x") }));

        var organization = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        await admin.UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-1", "org-a") });
        await RpcAssert.InvalidAsync("service_at_location.location_id", async () => await admin.UpsertServiceAtLocationAsync(new UpsertServiceAtLocationRequest
        {
            ServiceAtLocation = new ServiceAtLocation { Id = "sal-1", ServiceId = "svc-1", LocationId = "loc-x", Ownership = Owned("org-a") },
        }));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            async () => await admin.DeleteOrganizationAsync(new DeleteRequest { Id = "org-a", Etag = organization.Etag }));
    }
}
