using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

public sealed class BookingTests
{
    [Fact]
    public async Task A_joint_booking_blocks_every_participant()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);

        var joint = await client.BookAppointmentAsync(Booking(JointType, Tuesday10, "client-joint-1", AbhCounsellor, AaCounsellor, Room));
        Assert.Equal(3, joint.Participants.Count);
        Assert.Equal(AppointmentStatus.Pending, joint.Status); // AA does not auto-accept

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-other-1", AaCounsellor)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => client.BookAppointmentAsync(Booking(AbhType, Tuesday10.AddMinutes(30), "client-other-2", AbhCounsellor)).ResponseAsync);
        // Right after it, everyone is free again.
        await client.BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(1), "client-other-3", AaCounsellor));
    }

    [Fact]
    public async Task A_hold_blocks_others_until_it_expires_and_then_cannot_be_booked()
    {
        var clock = new ManualClock(Now);
        await using var host = await AppointmentsTestHost.StartAsync(clock);
        await LoadAsync(host.ClientFor(Admin));
        var holder = host.ClientFor(Frontdesk);
        var other = host.ClientFor(OtherFrontdesk);

        var hold = await holder.HoldSlotAsync(new HoldSlotRequest { AppointmentTypeId = AaType, ClientId = "client-hold-1", Slot = Slot(Tuesday10, AaCounsellor) });
        Assert.Equal(Now.AddMinutes(5), hold.ExpiresAt.ToDateTimeOffset());
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => other.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-other-1", AaCounsellor)).ResponseAsync);
        // Someone else's hold is not theirs to book.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => other.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-hold-1" }).ResponseAsync);

        clock.Now = Now.AddMinutes(5);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => holder.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-hold-1" }).ResponseAsync);
        var booked = await other.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-other-1", AaCounsellor));
        Assert.Equal(AaCounsellor, booked.Participants.Single().ResourceId);
    }

    [Fact]
    public async Task A_live_hold_is_booked_by_its_holder()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var holder = host.ClientFor(Frontdesk);
        var hold = await holder.HoldSlotAsync(new HoldSlotRequest { AppointmentTypeId = AaType, ClientId = "client-hold-2", Slot = Slot(Tuesday10, AaCounsellor) });

        var booked = await holder.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-hold-2" });
        Assert.Equal(Tuesday10, booked.Start.ToDateTimeOffset());
        Assert.Equal(12, await host.QueryAsync(db => db.Allocations.CountAsync(a => a.AppointmentId == booked.Id)));
        Assert.Equal(0, await host.QueryAsync(db => db.Allocations.CountAsync(a => a.HoldId != null)));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => holder.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = "client-hold-2" }).ResponseAsync);
    }

    [Fact]
    public async Task Cancel_frees_the_slot_for_a_new_booking()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var first = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-first-1", AaCounsellor));

        var cancelled = await client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = first.Id, Reason = "Klient verhindert" });
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        Assert.Equal(first.Sequence + 1, cancelled.Sequence);

        var second = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-second-1", AaCounsellor));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task With_a_release_delay_a_cancelled_slot_stays_blocked_until_the_delay_is_over()
    {
        var clock = new ManualClock(Now);
        await using var host = await AppointmentsTestHost.StartAsync(clock, releaseDelay: TimeSpan.FromMinutes(30));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var first = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-first-2", AaCounsellor));
        await client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = first.Id, Reason = "Klient verhindert" });

        clock.Now = Now.AddMinutes(29);
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-second-2", AaCounsellor)).ResponseAsync);
        clock.Now = Now.AddMinutes(30);
        await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-second-2", AaCounsellor));
    }

    [Fact]
    public async Task An_idempotent_replay_returns_the_original_and_a_changed_request_is_refused()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        // A fresh Metadata per call: the token interceptor adds its header to the one it is given.
        static Metadata Key() => new() { { "idempotency-key", "booking-42" } };

        var original = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-idem-1", AaCounsellor), Key());
        var replay = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-idem-1", AaCounsellor), Key());
        Assert.Equal(original, replay);
        Assert.Equal(1, await host.QueryAsync(db => db.Appointments.CountAsync()));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => client.BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(2), "client-idem-1", AaCounsellor), Key()).ResponseAsync);
        Assert.Equal(1, await host.QueryAsync(db => db.Appointments.CountAsync()));
    }

    [Fact]
    public async Task A_reschedule_rechecks_every_participant_and_leaves_the_old_booking_when_one_is_busy()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var joint = await client.BookAppointmentAsync(Booking(JointType, Tuesday10, "client-move-1", AbhCounsellor, AaCounsellor, Room));
        await client.BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(3), "client-busy-1", AaCounsellor));
        var rowsBefore = await host.RowCountsAsync();

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => client.RescheduleAppointmentAsync(new RescheduleAppointmentRequest
        {
            AppointmentId = joint.Id, NewSlot = Slot(Tuesday10.AddHours(3), AbhCounsellor, AaCounsellor, Room),
        }).ResponseAsync);
        Assert.Equal(joint, await client.GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = joint.Id }));
        Assert.Equal(rowsBefore, await host.RowCountsAsync());
        Assert.Equal(36, await host.QueryAsync(db => db.Allocations.CountAsync(a => a.AppointmentId == joint.Id)));

        // Half an hour later everyone is free: the move succeeds, overlapping its own old time.
        var moved = await client.RescheduleAppointmentAsync(new RescheduleAppointmentRequest
        {
            AppointmentId = joint.Id, NewSlot = Slot(Tuesday10.AddMinutes(30), AbhCounsellor, AaCounsellor, Room),
        });
        Assert.Equal(joint.Sequence + 1, moved.Sequence);
        await client.BookAppointmentAsync(Booking(AbhType, Tuesday10.AddMinutes(-30), "client-after-1", AbhCounsellor));
    }

    [Fact]
    public async Task An_empty_pool_is_a_failed_precondition()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var request = new FindJointSlotsRequest
        {
            AppointmentTypeId = EmptyPoolType,
            RangeStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Now),
            RangeEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Now.AddDays(7)),
        };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => host.ClientFor(Frontdesk).FindJointSlotsAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Joint_slots_found_can_be_booked()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var found = await client.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = JointType,
            RangeStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Tuesday10),
            RangeEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Tuesday10.AddDays(1)),
            MaxResults = 3,
        });
        Assert.NotEmpty(found.Slots);
        var slot = found.Slots[0];
        Assert.Equal(3, slot.Resources.Count);
        var booked = await client.BookAppointmentAsync(new BookAppointmentRequest { AppointmentTypeId = JointType, ClientId = "client-found-1", Slot = slot });

        var again = await client.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = JointType, RangeStart = slot.Start, RangeEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Tuesday10.AddDays(1)),
        });
        Assert.DoesNotContain(again.Slots, s => s.Start.ToDateTimeOffset() < booked.End.ToDateTimeOffset());
    }

    [Fact]
    public async Task Anonymous_callers_are_unauthenticated()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            () => host.ClientFor(null).BookAppointmentAsync(Booking(AaType, Tuesday10, "client-anon-1", AaCounsellor)).ResponseAsync);
    }
}
