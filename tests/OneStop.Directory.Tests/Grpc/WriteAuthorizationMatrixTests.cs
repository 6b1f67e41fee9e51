using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

/// <summary>One directory for the whole matrix; each case works on entries of its own.</summary>
public sealed class WriteMatrixHost : IAsyncLifetime
{
    public DirectoryTestHost Host { get; private set; } = null!;
    public async Task InitializeAsync() => Host = await DirectoryTestHost.StartAsync();
    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Directory writes by role × region × owner (docs/directory.md, "Write rules"). The expectation is the documented
/// rule, spelled out here independently of <c>OwnershipPolicy</c>: a write needs the role region-admin or
/// agency-system, the caller's region must be exactly the entry's region, and an agency system writes only its own
/// organization's entries. Each case updates, creates and deletes, and a refused case leaves the database as it was.
/// </summary>
public sealed class WriteAuthorizationMatrixTests(WriteMatrixHost fixture) : IClassFixture<WriteMatrixHost>
{
    private const string OtherKreis = "05770";
    private static int _cases;

    public static readonly string[] Roles =
        ["", OneStopRoles.Employer, OneStopRoles.Frontdesk, OneStopRoles.Counsellor, OneStopRoles.AgencySystem, OneStopRoles.RegionAdmin];

    public static readonly string[] Regions = [Kreis, OtherKreis, Gemeinde];

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var role in Roles)
            foreach (var region in Regions)
                foreach (var ownOrganization in new[] { true, false })
                    data.Add(role, region, ownOrganization);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_write_needs_a_writer_role_the_entry_s_region_and_for_agency_systems_the_owner(string role, string callerRegion, bool ownOrganization)
    {
        var host = fixture.Host;
        var n = Interlocked.Increment(ref _cases);
        var owner = $"org-m{n}";
        var allowed = callerRegion == Kreis && (role == OneStopRoles.RegionAdmin || (role == OneStopRoles.AgencySystem && ownOrganization));
        var caller = new CallerIdentity($"caller-{n}", ownOrganization ? owner : "org-stranger", callerRegion,
            role.Length == 0 ? new HashSet<string>() : new HashSet<string> { role });
        var client = host.ClientFor(caller);
        var stored = await host.ClientFor(KreisAdmin).UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization(owner) });
        var renamed = stored.Clone();
        renamed.Name = "umbenannt";
        var created = Organization($"org-m{n}-new");
        created.Ownership = Owned(owner);

        if (!allowed)
        {
            var before = await host.StateAsync();
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
                async () => await client.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = renamed }));
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
                async () => await client.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = created }));
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
                async () => await client.DeleteOrganizationAsync(new DeleteRequest { Id = stored.Id, Etag = stored.Etag }));
            Assert.Equal(before, await host.StateAsync());
            return;
        }
        var updated = await client.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = renamed });
        Assert.Equal("umbenannt", updated.Name);
        Assert.Equal(created.Id, (await client.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = created })).Id);
        await client.DeleteOrganizationAsync(new DeleteRequest { Id = updated.Id, Etag = updated.Etag });
        await RpcAssert.FailsAsync(StatusCode.NotFound, async () => await host.Client().GetOrganizationAsync(new GetOrganizationRequest { Id = updated.Id }));
    }

    [Fact]
    public async Task A_caller_without_a_writer_role_is_refused_before_its_request_is_validated()
    {
        var frontdesk = new CallerIdentity("frontdesk-1", "org-a", Kreis, new HashSet<string> { OneStopRoles.Frontdesk });

        // An empty request would be INVALID_ARGUMENT for a writer; a front desk is told only that it may not write.
        var refused = await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await fixture.Host.ClientFor(frontdesk).UpsertServiceAsync(new UpsertServiceRequest()));
        Assert.Contains("region-admin or agency-system", refused.Status.Detail, StringComparison.Ordinal);
    }
}
