using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Appointments.Data.Seed;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;
using Topic = OneStop.Directory.V1.Topic;
using static OneStop.Appointments.Data.Seed.DemoDirectoryIds;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// FindJointSlots and HoldSlot share one rule (the appointment type refined by the front desk's need): every slot
/// offered can be held, a need that cannot work is refused before searching with the field to change, the need's
/// interpreter and room are applied, and a booking keeps its need when it is rescheduled. Issue 17, items 1–3, on
/// the demo county's calendars where the front desk met them.
/// </summary>
public sealed class NeedRuleTests
{
    /// <summary>Monday 2027-01-11, 07:00 Berlin.</summary>
    private static readonly DateTimeOffset Monday = new(2027, 1, 11, 6, 0, 0, TimeSpan.Zero);

    private static readonly CallerIdentity Desk = new("frontdesk-ip", IntegrationPoint, KreisAgs, new HashSet<string> { OneStopRoles.Frontdesk });

    private static async Task<AppointmentsTestHost> StartDemoAsync(DateTimeOffset now)
    {
        var host = await AppointmentsTestHost.StartAsync(new ManualClock(now));
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        return host;
    }

    private static FindJointSlotsRequest Search(string typeId, DateTimeOffset now, params AgencyPool[] pools)
    {
        var request = new FindJointSlotsRequest
        {
            AppointmentTypeId = typeId,
            RangeStart = Timestamp.FromDateTimeOffset(now),
            RangeEnd = Timestamp.FromDateTimeOffset(now.AddDays(42)),
            MaxResults = 4,
            ClientId = "client-need-1",
        };
        request.Pools.Add(pools);
        return request;
    }

    private static AgencyPool Agency(string organization, Topic topic) => new() { OrganizationId = organization, Topic = topic };

    [Fact]
    public async Task Residence_and_work_with_an_Arabic_interpreter_offers_slots_with_the_interpreter_and_each_one_can_be_held()
    {
        await using var host = await StartDemoAsync(Monday);
        var client = host.ClientFor(Desk);
        // One search per day of the week, each slot held: the slots of one search overlap, and a hold blocks the next.
        for (var day = 0; day < 5; day++)
        {
            var from = Monday.AddDays(day);
            var search = Search(DemoCalendars.JointResidenceAndWork, from, Agency(Auslaenderbehoerde, Topic.Aufenthalt), Agency(AgenturFuerArbeit, Topic.Arbeit));
            search.InterpreterLanguage = "ar";

            var found = await client.FindJointSlotsAsync(search);

            Assert.NotEmpty(found.Slots);
            Assert.All(found.Slots, s => Assert.Contains(s.Resources, r => r.ResourceId == "res-int-ar"));
            var slot = found.Slots[0];
            Assert.Equal("ar", slot.Need.InterpreterLanguage);
            var hold = await client.HoldSlotAsync(new HoldSlotRequest { Slot = slot, ClientId = $"client-need-{day}", AppointmentTypeId = DemoCalendars.JointResidenceAndWork });
            Assert.Contains(hold.Slot.Resources, r => r.ResourceId == "res-int-ar");
            Assert.Contains(hold.Slot.Resources, r => r.Kind == ResourceKind.Room);
        }
    }

    [Fact]
    public async Task An_agency_the_type_does_not_include_is_refused_before_searching_naming_the_agency_field()
    {
        await using var host = await StartDemoAsync(Monday);
        var client = host.ClientFor(Desk);

        await RpcAssert.InvalidAsync("pools[1].organization_id", () => client.FindJointSlotsAsync(
            Search(DemoCalendars.JointJobcenterMbe, Monday, Agency(Jobcenter, Topic.Arbeit), Agency(MbeAwo, Topic.AllgemeineBeratung))).ResponseAsync);
        // The type's own agencies, narrowed to a topic, work, and so does holding what they offer.
        await RpcAssert.InvalidAsync("pools[1].topic", () => client.FindJointSlotsAsync(
            Search(DemoCalendars.JointJobcenterMbe, Monday, Agency(Jobcenter, Topic.Arbeit), Agency(MbeCaritas, Topic.Wohnen))).ResponseAsync);
        var found = await client.FindJointSlotsAsync(
            Search(DemoCalendars.JointJobcenterMbe, Monday, Agency(Jobcenter, Topic.Arbeit), Agency(MbeCaritas, Topic.Unspecified)));
        var slot = Assert.IsType<JointSlot>(found.Slots.FirstOrDefault());
        Assert.Contains(slot.Resources, r => r.OrganizationId == MbeCaritas);
        await client.HoldSlotAsync(new HoldSlotRequest { Slot = slot, ClientId = "client-need-1", AppointmentTypeId = DemoCalendars.JointJobcenterMbe });
        // A second interpreter language than the type's own cannot work either.
        var twoLanguages = Search(DemoCalendars.JointJobcenterMbe, Monday);
        twoLanguages.InterpreterLanguage = "uk";
        await RpcAssert.InvalidAsync("interpreter_language", () => client.FindJointSlotsAsync(twoLanguages).ResponseAsync);
    }

    [Fact]
    public async Task A_slot_whose_need_was_changed_on_the_way_is_checked_against_that_need()
    {
        await using var host = await StartDemoAsync(Monday);
        var client = host.ClientFor(Desk);
        var search = Search(DemoCalendars.JointResidenceAndWork, Monday);
        search.InterpreterLanguage = "ar";
        var slot = (await client.FindJointSlotsAsync(search)).Slots[0];

        slot.Need.InterpreterLanguage = "";
        await RpcAssert.InvalidAsync("slot.resources[", () => client.HoldSlotAsync(
            new HoldSlotRequest { Slot = slot, ClientId = "client-need-1", AppointmentTypeId = DemoCalendars.JointResidenceAndWork }).ResponseAsync);
    }

    [Fact]
    public async Task By_type_alone_the_interpreter_and_room_size_are_applied()
    {
        await using var host = await StartDemoAsync(Monday);
        var client = host.ClientFor(Desk);
        var withInterpreter = Search(DemoCalendars.JointResidenceAndWork, Monday);
        withInterpreter.InterpreterLanguage = "ar";
        withInterpreter.RoomNeeds = new RoomNeeds { MinimumCapacity = 5 };

        var found = await client.FindJointSlotsAsync(withInterpreter);

        Assert.NotEmpty(found.Slots);
        Assert.All(found.Slots, s =>
        {
            Assert.Contains(s.Resources, r => r.ResourceId == "res-int-ar");
            Assert.Contains(s.Resources, r => r.ResourceId == "res-room-ip-1"); // the only Kreishaus room for 5 or more
        });
        var tooBig = Search(DemoCalendars.JointResidenceAndWork, Monday);
        tooBig.RoomNeeds = new RoomNeeds { MinimumCapacity = 99999 };
        var e = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => client.FindJointSlotsAsync(tooBig).ResponseAsync);
        Assert.StartsWith("room_needs:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reschedule_keeps_the_clients_blocked_times_of_the_original_need()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(TestCatalog.Now));
        await TestCatalog.LoadAsync(host.ClientFor(TestCatalog.Admin));
        var client = host.ClientFor(TestCatalog.Frontdesk);
        var search = Search(TestCatalog.AaType, TestCatalog.Now);
        search.ClientBlocked.Add(new BlockedWindow { Day = DayOfWeek.Tuesday, Start = "08:00", End = "12:00" });
        var offered = (await client.FindJointSlotsAsync(search)).Slots[0];
        var hold = await client.HoldSlotAsync(new HoldSlotRequest { Slot = offered, ClientId = "client-need-1", AppointmentTypeId = TestCatalog.AaType });
        var booked = await client.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-need-1" });
        Assert.Equal("08:00", Assert.Single(booked.Need.ClientBlocked).Start);

        // Tuesday 10:00 Berlin is free for the counsellor but not for the client; a slot sent without the need changes nothing.
        await RpcAssert.InvalidAsync("new_slot.start", () => client.RescheduleAppointmentAsync(new RescheduleAppointmentRequest
        {
            AppointmentId = booked.Id,
            NewSlot = TestCatalog.Slot(TestCatalog.Tuesday10, TestCatalog.AaCounsellor),
        }).ResponseAsync);
        var moved = await client.RescheduleAppointmentAsync(new RescheduleAppointmentRequest
        {
            AppointmentId = booked.Id,
            NewSlot = TestCatalog.Slot(TestCatalog.Tuesday10.AddHours(3), TestCatalog.AaCounsellor),
        });
        Assert.Equal(booked.Need, moved.Need);
    }
}
