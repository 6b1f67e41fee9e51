using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// Auto-accept per agency from configuration (OneStop:Appointments:AutoAcceptOrganizations). The AA counsellor has
/// no auto_accept flag, so only the agency listing can accept for it.
/// </summary>
public sealed class AutoAcceptTests
{
    // ABH + AA without a room: the room's own acceptance would otherwise keep the appointment pending.
    private const string AbhAndAaType = "type-abh-aa";

    [Fact]
    public async Task A_joint_booking_stays_pending_until_the_agency_that_is_not_listed_accepts()
    {
        await using var host = await StartAsync(Abh);
        var booked = await host.ClientFor(Frontdesk).BookAppointmentAsync(Booking(AbhAndAaType, Tuesday10, "client-auto-1", AbhCounsellor, AaCounsellor));

        Assert.Equal(AppointmentStatus.Pending, booked.Status);
        Assert.Equal(ParticipantStatus.Accepted, booked.Participants.Single(p => p.ResourceId == AbhCounsellor).Status);
        Assert.Equal(ParticipantStatus.NeedsAction, booked.Participants.Single(p => p.ResourceId == AaCounsellor).Status);

        var accepted = await host.ClientFor(AaSystem).RespondToAppointmentAsync(new RespondToAppointmentRequest
        {
            AppointmentId = booked.Id, ResourceId = AaCounsellor, Response = ParticipantStatus.Accepted,
        });
        Assert.Equal(AppointmentStatus.Booked, accepted.Status);
    }

    [Fact]
    public async Task Listing_both_agencies_books_the_joint_appointment_at_once()
    {
        await using var host = await StartAsync(Abh, Aa);
        var booked = await host.ClientFor(Frontdesk).BookAppointmentAsync(Booking(AbhAndAaType, Tuesday10, "client-auto-2", AbhCounsellor, AaCounsellor));

        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.All(booked.Participants, p => Assert.Equal(ParticipantStatus.Accepted, p.Status));
    }

    private static async Task<AppointmentsTestHost> StartAsync(params string[] autoAcceptingOrganizations)
    {
        var settings = autoAcceptingOrganizations
            .Select((id, i) => KeyValuePair.Create($"OneStop:Appointments:AutoAcceptOrganizations:{i}", (string?)id))
            .ToDictionary();
        var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: settings);
        var admin = host.ClientFor(Admin);
        await LoadAsync(admin);
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest
        {
            AppointmentType = Type(AbhAndAaType, Pool(Abh, Topic.Aufenthalt), Pool(Aa, Topic.Arbeit)),
        });
        return host;
    }
}
