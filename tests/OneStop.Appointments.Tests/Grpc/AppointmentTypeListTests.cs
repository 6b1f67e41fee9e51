using Grpc.Core;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>ListAppointmentTypes: what the front desk chooses from, and what the public pages may offer.</summary>
public sealed class AppointmentTypeListTests
{
    private static async Task<AppointmentsTestHost> StartAsync()
    {
        var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadPublicTypeAsync(host.ClientFor(Admin));
        // Another county's type, invisible to callers of this one.
        var elsewhere = new CallerIdentity("admin-2", "kreis-2", "05770", new HashSet<string> { OneStopRoles.RegionAdmin });
        await host.ClientFor(elsewhere).UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = Type("type-elsewhere", Pool("org-x", Topic.Arbeit)) });
        return host;
    }

    [Fact]
    public async Task The_front_desk_sees_every_type_of_its_region_by_id_with_names_and_etags()
    {
        await using var host = await StartAsync();

        var list = await host.ClientFor(Frontdesk).ListAppointmentTypesAsync(new ListAppointmentTypesRequest());

        Assert.Equal([AaType, AbhType, EmptyPoolType, JointType, PublicType], list.AppointmentTypes.Select(t => t.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(list.AppointmentTypes.Select(t => t.Id).Order(StringComparer.Ordinal), list.AppointmentTypes.Select(t => t.Id));
        Assert.All(list.AppointmentTypes, t => Assert.Equal("1", t.Etag));
        Assert.Equal($"Termin {JointType}", list.AppointmentTypes.Single(t => t.Id == JointType).Name);
        Assert.Equal("", list.NextPageToken);
    }

    [Fact]
    public async Task Pages_cover_the_list_once_and_bad_paging_names_its_field()
    {
        await using var host = await StartAsync();
        var client = host.ClientFor(Frontdesk);

        var seen = new List<string>();
        var token = "";
        for (var page = 0; page < 10; page++)
        {
            var response = await client.ListAppointmentTypesAsync(new ListAppointmentTypesRequest { PageSize = 2, PageToken = token });
            Assert.InRange(response.AppointmentTypes.Count, 1, 2);
            seen.AddRange(response.AppointmentTypes.Select(t => t.Id));
            token = response.NextPageToken;
            if (token.Length == 0) break;
        }

        Assert.Equal([AaType, AbhType, EmptyPoolType, JointType, PublicType], seen.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        await RpcAssert.InvalidAsync("page_token",
            () => client.ListAppointmentTypesAsync(new ListAppointmentTypesRequest { PageToken = "not-ours" }).ResponseAsync);
        await RpcAssert.InvalidAsync("page_size",
            () => client.ListAppointmentTypesAsync(new ListAppointmentTypesRequest { PageSize = 201 }).ResponseAsync);
    }

    [Fact]
    public async Task Public_types_only_on_request_and_always_for_the_public_booking_scope()
    {
        await using var host = await StartAsync();
        var asked = await host.ClientFor(Frontdesk).ListAppointmentTypesAsync(new ListAppointmentTypesRequest { PublicBookingOnly = true });
        var forPublic = await host.ClientFor(PublicPages).ListAppointmentTypesAsync(new ListAppointmentTypesRequest());

        Assert.Equal(PublicType, Assert.Single(asked.AppointmentTypes).Id);
        Assert.Equal(PublicType, Assert.Single(forPublic.AppointmentTypes).Id);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.ClientFor(new CallerIdentity("employer-1", "org-firma", Region,
            new HashSet<string> { OneStopRoles.Employer })).ListAppointmentTypesAsync(new ListAppointmentTypesRequest()).ResponseAsync);
    }
}
