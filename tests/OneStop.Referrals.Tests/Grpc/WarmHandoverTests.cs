using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OneStop.Appointments.V1;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Referrals.Tests.Grpc;

/// <summary>
/// Warme Übergabe: an accepted referral books one joint appointment of the referring Integration Point, the Agentur
/// and a Ukrainian interpreter through the real appointments service, and the appointment is linked to the referral.
/// </summary>
public sealed class WarmHandoverTests
{
    private const string IpCounsellorResource = "res-ip-1";
    private const string AaCounsellorResource = "res-aa-1";
    private const string Interpreter = "res-dolm-uk";
    private const string HandoverType = "type-warm-ip-aa";

    [Fact]
    public async Task An_accepted_referral_is_handed_over_warm_with_a_joint_appointment_booked_through_appointments()
    {
        var clock = new ManualClock(Now);
        await using var appointments = await AppointmentsHost.StartAsync(clock);
        await LoadCalendarsAsync(appointments.Client(RegionAdmin));
        await using var host = await ReferralsTestHost.StartAsync(clock, new Dictionary<string, string?>
        {
            [OneStop.Referrals.Extensions.AppointmentsAddressKey] = appointments.Address,
        });
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());
        var search = new FindHandoverSlotsRequest
        {
            ReferralId = sent.Id,
            AppointmentTypeId = HandoverType,
            RangeStart = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 6, 8, 6, 0, 0, TimeSpan.Zero)),
            RangeEnd = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 6, 13, 0, 0, 0, TimeSpan.Zero)),
        };
        // Not before the receiver has accepted.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => host.Referrals(IpCounsellor).FindHandoverSlotsAsync(search).ResponseAsync);
        var accepted = await host.Referrals(AaCounsellor).AcceptReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version });

        var slots = await host.Referrals(AaCounsellor).FindHandoverSlotsAsync(search);
        var first = slots.Slots.First();
        var booked = await host.Referrals(AaCounsellor).BookWarmHandoverAsync(new BookWarmHandoverRequest
        {
            ReferralId = sent.Id, ExpectedVersion = accepted.Version, Slot = first, AppointmentTypeId = HandoverType,
        });

        Assert.Equal(booked.AppointmentId, booked.Referral.AppointmentId);
        Assert.Equal(first.Start, booked.Start);
        var appointment = await appointments.Client(IpFrontdesk).GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = booked.AppointmentId });
        Assert.Equal(Client, appointment.ClientId);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal([AaCounsellorResource, Interpreter, IpCounsellorResource], appointment.Participants.Select(p => p.ResourceId).Order());
        var history = (await host.Referrals(IpCounsellor).GetReferralHistoryAsync(new GetReferralRequest { ReferralId = sent.Id })).Events;
        Assert.Equal((ReferralEventKind.AppointmentLinked, booked.AppointmentId, ReferralRole.Receiver),
            (history[^1].Kind, history[^1].AppointmentId, history[^1].ActorRole));
        // One hand-over per referral.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => host.Referrals(IpCounsellor).BookWarmHandoverAsync(new BookWarmHandoverRequest
        {
            ReferralId = sent.Id, ExpectedVersion = booked.Referral.Version, Search = search,
        }).ResponseAsync);
    }

    private static async Task LoadCalendarsAsync(AppointmentsService.AppointmentsServiceClient admin)
    {
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = Counsellor(IpCounsellorResource, IntegrationPoint) });
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = Counsellor(AaCounsellorResource, Agentur) });
        await admin.UpsertResourceAsync(new UpsertResourceRequest
        {
            Resource = new Resource
            {
                Id = Interpreter, Kind = ResourceKind.Interpreter, DisplayName = "Dolmetscherpool Ukrainisch", OrganizationId = "org-dolmetscherpool",
                LocationId = "loc-ip", Languages = { "uk" }, AutoAccept = true,
            },
        });
        foreach (var id in new[] { IpCounsellorResource, AaCounsellorResource, Interpreter })
        {
            var schedule = new ResourceSchedule { ResourceId = id, HolidayLand = "NW" };
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
                schedule.Weekly.Add(new WeeklyWindow { Day = day, Start = "09:00", End = "12:00" });
            await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = schedule });
        }
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest
        {
            AppointmentType = new AppointmentType
            {
                Id = HandoverType, Name = "Warme Übergabe IP → Agentur", Topic = Topic.Arbeit, Duration = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
                Participants =
                {
                    new ParticipantRequirement { Pool = new AgencyPool { OrganizationId = IntegrationPoint, Topic = Topic.Arbeit } },
                    new ParticipantRequirement { Pool = new AgencyPool { OrganizationId = Agentur, Topic = Topic.Arbeit } },
                },
                InterpreterLanguage = "uk",
                BookingHorizon = Duration.FromTimeSpan(TimeSpan.FromDays(60)),
            },
        });
    }

    private static Resource Counsellor(string id, string organization) => new()
    {
        Id = id, Kind = ResourceKind.Counsellor, DisplayName = $"Beratung {id}", OrganizationId = organization, LocationId = "loc-ip",
        Topics = { Topic.Arbeit }, Languages = { "de" }, AutoAccept = true,
    };
}
