using Grpc.Core;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// The catalogue can be read back, within the caller's region, with the stored etag an update needs (issue 17,
/// item 23): GetAppointmentType, GetResource/ListResources, GetSchedule/ListSchedules.
/// </summary>
public sealed class CatalogReadTests
{
    private static readonly CallerIdentity OtherRegionAdmin = new("admin-2", "kreis-2", "05770", new HashSet<string> { OneStopRoles.RegionAdmin });

    private static async Task<AppointmentsTestHost> StartAsync()
    {
        var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var elsewhere = host.ClientFor(OtherRegionAdmin);
        await elsewhere.UpsertResourceAsync(new UpsertResourceRequest { Resource = Counsellor("res-elsewhere", "org-x", Topic.Arbeit, autoAccept: true) });
        await elsewhere.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = WorkingWeek("res-elsewhere") });
        await elsewhere.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = Type("type-elsewhere", Pool("org-x", Topic.Arbeit)) });
        return host;
    }

    [Fact]
    public async Task Resources_are_listed_by_id_in_the_callers_region_with_filters_and_pages()
    {
        await using var host = await StartAsync();
        var client = host.ClientFor(Frontdesk);

        var all = await client.ListResourcesAsync(new ListResourcesRequest());
        var counsellorsOfAa = await client.ListResourcesAsync(new ListResourcesRequest { OrganizationId = Aa, Kind = ResourceKind.Counsellor });
        var rooms = await client.ListResourcesAsync(new ListResourcesRequest { Kind = ResourceKind.Room });
        var first = await client.ListResourcesAsync(new ListResourcesRequest { PageSize = 2 });
        var second = await client.ListResourcesAsync(new ListResourcesRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal([AaCounsellor, AbhCounsellor, Room], all.Resources.Select(r => r.Id).ToArray());
        Assert.All(all.Resources, r => Assert.Equal("1", r.Etag));
        Assert.Equal(AaCounsellor, Assert.Single(counsellorsOfAa.Resources).Id);
        Assert.Equal(Room, Assert.Single(rooms.Resources).Id);
        Assert.Equal([AaCounsellor, AbhCounsellor], first.Resources.Select(r => r.Id).ToArray());
        Assert.Equal(Room, Assert.Single(second.Resources).Id);
        Assert.Equal("", second.NextPageToken);
        await RpcAssert.InvalidAsync("page_token", () => client.ListResourcesAsync(new ListResourcesRequest { PageToken = "x" }).ResponseAsync);
        await RpcAssert.InvalidAsync("kind", () => client.ListResourcesAsync(new ListResourcesRequest { Kind = (ResourceKind)42 }).ResponseAsync);
    }

    [Fact]
    public async Task Get_returns_the_stored_record_and_its_etag_and_an_update_with_it_succeeds()
    {
        await using var host = await StartAsync();
        var reader = host.ClientFor(Frontdesk);
        var admin = host.ClientFor(Admin);

        var type = await reader.GetAppointmentTypeAsync(new GetAppointmentTypeRequest { AppointmentTypeId = JointType });
        var resource = await reader.GetResourceAsync(new GetResourceRequest { ResourceId = AaCounsellor });
        var schedule = await reader.GetScheduleAsync(new GetScheduleRequest { ResourceId = AaCounsellor });

        Assert.Equal($"Termin {JointType}", type.Name);
        Assert.Equal(2, type.Participants.Count);
        Assert.Equal("1", type.Etag);
        Assert.Equal(Aa, resource.OrganizationId);
        Assert.Equal("1", resource.Etag);
        Assert.Equal(5, schedule.Weekly.Count);
        Assert.Equal("1", schedule.Etag);

        schedule.BufferAfter = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMinutes(10));
        var updated = await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = schedule });
        Assert.Equal("2", updated.Etag);
        Assert.Equal(updated, await reader.GetScheduleAsync(new GetScheduleRequest { ResourceId = AaCounsellor }));
        var schedules = await reader.ListSchedulesAsync(new ListSchedulesRequest());
        Assert.Equal([AaCounsellor, AbhCounsellor, Room], schedules.Schedules.Select(s => s.ResourceId).ToArray());
    }

    [Fact]
    public async Task Another_regions_records_are_not_found_and_reading_needs_a_booking_role()
    {
        await using var host = await StartAsync();
        var client = host.ClientFor(Frontdesk);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetResourceAsync(new GetResourceRequest { ResourceId = "res-elsewhere" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetScheduleAsync(new GetScheduleRequest { ResourceId = "res-elsewhere" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetAppointmentTypeAsync(new GetAppointmentTypeRequest { AppointmentTypeId = "type-elsewhere" }).ResponseAsync);
        Assert.DoesNotContain((await client.ListResourcesAsync(new ListResourcesRequest())).Resources, r => r.Id == "res-elsewhere");
        Assert.DoesNotContain((await client.ListSchedulesAsync(new ListSchedulesRequest())).Schedules, s => s.ResourceId == "res-elsewhere");
        await RpcAssert.InvalidAsync("resource_id", () => client.GetResourceAsync(new GetResourceRequest()).ResponseAsync);
        var employer = host.ClientFor(new CallerIdentity("employer-1", "org-firma", Region, new HashSet<string> { OneStopRoles.Employer }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => employer.ListResourcesAsync(new ListResourcesRequest()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.ClientFor(PublicPages).GetAppointmentTypeAsync(
            new GetAppointmentTypeRequest { AppointmentTypeId = PublicType }).ResponseAsync);
    }
}
