using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// The gateway's public pages call with no role, only the public-booking scope: types marked public_booking can be
/// searched and booked directly, nothing else.
/// </summary>
public sealed class PublicBookingTests
{
    private static async Task<AppointmentsTestHost> StartAsync()
    {
        var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadPublicTypeAsync(host.ClientFor(Admin));
        return host;
    }

    private static FindJointSlotsRequest Search(string typeId) => new()
    {
        AppointmentTypeId = typeId,
        RangeStart = Timestamp.FromDateTimeOffset(Tuesday10),
        RangeEnd = Timestamp.FromDateTimeOffset(Tuesday10.AddDays(1)),
        MaxResults = 3,
    };

    [Fact]
    public async Task The_public_pages_find_and_book_a_slot_of_a_type_open_to_the_public()
    {
        await using var host = await StartAsync();
        var pages = host.ClientFor(PublicPages);

        var found = await pages.FindJointSlotsAsync(Search(PublicType));
        var booked = await pages.BookAppointmentAsync(new BookAppointmentRequest { AppointmentTypeId = PublicType, ClientId = "OS-ABCDEFGHJK", Slot = found.Slots[0] });

        var seen = await host.ClientFor(Frontdesk).GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = booked.Id });
        Assert.Equal("OS-ABCDEFGHJK", seen.ClientId);
        Assert.Equal(PublicType, seen.AppointmentTypeId);
        Assert.Equal(AbhCounsellor, Assert.Single(seen.Participants).ResourceId);
    }

    [Fact]
    public async Task Everything_else_is_refused_and_nothing_is_written()
    {
        await using var host = await StartAsync();
        var pages = host.ClientFor(PublicPages);
        var frontdesk = host.ClientFor(Frontdesk);
        var theirs = await frontdesk.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-staff-1", AaCounsellor));
        var before = await host.RowCountsAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => pages.FindJointSlotsAsync(Search(AaType)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => pages.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            Pools = { new AgencyPool { OrganizationId = Abh, Topic = Topic.Aufenthalt } },
            Duration = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
            RangeStart = Timestamp.FromDateTimeOffset(Tuesday10),
            RangeEnd = Timestamp.FromDateTimeOffset(Tuesday10.AddDays(1)),
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => pages.BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(2), "OS-ABCDEFGHJK", AaCounsellor)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => pages.HoldSlotAsync(new HoldSlotRequest
        {
            AppointmentTypeId = PublicType, ClientId = "OS-ABCDEFGHJK", Slot = Slot(Tuesday10.AddHours(2), AbhCounsellor),
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => pages.BookAppointmentAsync(new BookAppointmentRequest { HoldId = "hold-anything", ClientId = "OS-ABCDEFGHJK" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => pages.ListAppointmentsAsync(new ListAppointmentsRequest()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => pages.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = theirs.Id, Reason = "not mine" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => pages.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest
        {
            AppointmentType = Type("type-sneaky", new ParticipantRequirement { ResourceId = AaCounsellor }),
        }).ResponseAsync);

        // Even a token that also names an organization (say, an identity provider's client given the scope) writes
        // nothing: the scope admits searches, bookings and the list of public types, never the catalogue.
        var withOrganization = host.ClientFor(PublicPages with { OrganizationId = "org-ip" });
        var ownType = Type("type-own-public", Pool("org-ip", Topic.Arbeit));
        ownType.PublicBooking = true;
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => withOrganization.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = ownType }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => withOrganization.UpsertResourceAsync(new UpsertResourceRequest
        {
            Resource = new Resource { Id = "res-sneaky", Kind = ResourceKind.Room, DisplayName = "Raum X", OrganizationId = "org-ip", LocationId = "loc-ip", RoomCapacity = 2 },
        }).ResponseAsync);

        Assert.Equal(before, await host.RowCountsAsync());
    }

    [Fact]
    public async Task A_token_with_neither_a_booking_role_nor_the_scope_finds_nothing()
    {
        await using var host = await StartAsync();
        var employer = host.ClientFor(new CallerIdentity("employer-1", "org-firma", Region, new HashSet<string> { OneStopRoles.Employer })
        {
            Scopes = new HashSet<string> { "onestop.appointments.read" },
        });

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => employer.FindJointSlotsAsync(Search(PublicType)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => employer.BookAppointmentAsync(Booking(PublicType, Tuesday10, "client-x", AbhCounsellor)).ResponseAsync);
    }
}
