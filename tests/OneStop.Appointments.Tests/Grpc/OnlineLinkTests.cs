using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>An online link is only accepted for appointment types that can be held online.</summary>
public sealed class OnlineLinkTests
{
    private const string Link = "https://meet.example.org/room-42";
    private const string OnlineAaType = "type-aa-online";

    [Fact]
    public async Task A_direct_booking_with_a_link_for_an_in_person_type_is_refused_naming_online_link_and_writes_nothing()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var before = await host.RowCountsAsync();
        var request = Booking(AaType, Tuesday10, "client-online-1", AaCounsellor);
        request.OnlineLink = Link;

        await RpcAssert.InvalidAsync("online_link", () => host.ClientFor(Frontdesk).BookAppointmentAsync(request).ResponseAsync);
        Assert.Equal(before, await host.RowCountsAsync());
    }

    [Fact]
    public async Task Booking_a_hold_with_a_link_for_an_in_person_type_is_refused_and_keeps_the_hold()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var hold = await client.HoldSlotAsync(new HoldSlotRequest { AppointmentTypeId = AaType, ClientId = "client-online-2", Slot = Slot(Tuesday10, AaCounsellor) });
        var before = await host.RowCountsAsync();

        await RpcAssert.InvalidAsync("online_link", () => client.BookAppointmentAsync(
            new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-online-2", OnlineLink = Link }).ResponseAsync);
        Assert.Equal(before, await host.RowCountsAsync());
        // The hold is untouched and can still be booked in person.
        var booked = await client.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-online-2" });
        Assert.Equal("", booked.OnlineLink);
    }

    [Fact]
    public async Task A_type_that_can_be_held_online_stores_the_link_on_the_appointment()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        var admin = host.ClientFor(Admin);
        await LoadAsync(admin);
        var online = Type(OnlineAaType, new ParticipantRequirement { ResourceId = AaCounsellor });
        online.OnlinePossible = true;
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = online });
        var client = host.ClientFor(Frontdesk);
        var request = Booking(OnlineAaType, Tuesday10, "client-online-3", AaCounsellor);
        request.OnlineLink = Link;

        var booked = await client.BookAppointmentAsync(request);

        Assert.Equal(Link, booked.OnlineLink);
        Assert.Equal(Link, (await client.GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = booked.Id })).OnlineLink);
    }
}
