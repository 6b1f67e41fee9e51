using OneStop.Appointments.Domain;
using OneStop.ServiceDefaults.Time;
using static OneStop.Appointments.Tests.Domain.Instants;
using static OneStop.Appointments.Tests.Domain.SlotScenario;

namespace OneStop.Appointments.Tests.Domain;

public sealed class JointSlotFinderTests
{
    [Fact]
    public void A_joint_slot_needs_every_required_participant_free_at_once()
    {
        var jobcenter = Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 12)));
        var immigration = Need("pools[1]", Candidate(Counsellor("abh-1", "org-abh"), LocalSpan(10, 14)));

        var slots = JointSlotFinder.Find(Query(jobcenter, immigration));

        Assert.Equal(Local(10), slots[0].Span.Start);
        Assert.Equal(Local(11), slots[^1].Span.Start); // the last hour both share
        Assert.Equal(5, slots.Count);                  // 10:00, 10:15, …, 11:00
        Assert.Equal(["jc-1", "abh-1"], slots[0].Resources.Select(r => r.Id));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.Span.Duration));
    }

    [Fact]
    public void Busy_time_of_any_participant_blocks_the_slot()
    {
        var jobcenter = Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 12), LocalSpan(8, 10)));
        var immigration = Need("pools[1]", Candidate(Counsellor("abh-1", "org-abh"), LocalSpan(8, 12), new UtcInterval(Local(10, 30), Local(11))));

        var slots = JointSlotFinder.Find(Query(jobcenter, immigration));

        Assert.Equal([Local(11)], Starts(slots));
    }

    [Fact]
    public void A_live_hold_blocks_and_an_expired_one_does_not()
    {
        var counsellor = Counsellor("jc-1");
        var schedule = new LocalSchedule([new WeeklyLocalWindow(DayOfWeek.Monday, LocalTimeWindow.Parse("08:00", "10:00", "w"))]);
        var holdExpires = Utc(2026, 12, 7, 6, 5);
        var hold = HoldPolicy.AsAllocation("jc-1", LocalSpan(8, 9), holdExpires);

        SlotCandidate At(DateTimeOffset now) => SlotCandidate.From(counsellor, schedule, [hold], Utc(2026, 12, 7), Utc(2026, 12, 8), now);
        JointSlotQuery QueryAt(DateTimeOffset now) => Query(Need("pools[0]", At(now))) with { Now = now };

        Assert.Equal([Local(9)], Starts(JointSlotFinder.Find(QueryAt(holdExpires - TimeSpan.FromMinutes(1)))));
        Assert.Equal(Local(8), JointSlotFinder.Find(QueryAt(holdExpires))[0].Span.Start);
    }

    [Fact]
    public void A_cancelled_booking_blocks_until_its_release()
    {
        var policy = new CancellationPolicy(new CancellationOptions { ReleaseDelay = TimeSpan.FromHours(1) });
        var cancelledAt = Utc(2026, 12, 1, 12);
        var released = policy.AsAllocationAfterCancel("jc-1", LocalSpan(8, 9), cancelledAt)!.Value;

        Assert.True(released.BlocksAt(cancelledAt + TimeSpan.FromMinutes(59)));
        Assert.False(released.BlocksAt(cancelledAt + TimeSpan.FromHours(1)));
        Assert.Null(new CancellationPolicy(new CancellationOptions()).AsAllocationAfterCancel("jc-1", LocalSpan(8, 9), cancelledAt));
    }

    [Fact]
    public void Buffers_keep_time_free_around_bookings_and_around_the_new_slot()
    {
        var counsellor = Counsellor("jc-1");
        var buffers = new ResourceBuffers(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
        var booking = new ExistingAllocation("jc-1", LocalSpan(8, 9), AllocationKind.Booking);
        var busy = BusyIntervals.For([booking], buffers, Utc(2026, 12, 1));
        Assert.Equal([new UtcInterval(Local(7, 45), Local(9, 15))], busy);

        var withBuffers = new SlotCandidate(counsellor, [LocalSpan(8, 12)], busy, buffers);
        var slots = JointSlotFinder.Find(Query(Need("pools[0]", withBuffers)));

        // 09:15 is free, but the new slot's own 15 minutes before would touch the booking's buffer.
        Assert.Equal(Local(9, 30), slots[0].Span.Start);
        // The last start keeps its after-buffer outside busy time but may end at closing time.
        Assert.Equal(Local(11), slots[^1].Span.Start);
    }

    [Fact]
    public void Client_blocked_weekly_windows_are_avoided_in_local_time()
    {
        var jobcenter = Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 16)));
        var query = Query(jobcenter) with
        {
            ClientBlocked =
            [
                new WeeklyLocalWindow(DayOfWeek.Monday, LocalTimeWindow.Parse("08:00", "12:30", "course")),
                new WeeklyLocalWindow(DayOfWeek.Monday, LocalTimeWindow.Parse("14:30", "16:00", "kita")),
            ],
        };

        var slots = JointSlotFinder.Find(query);

        Assert.Equal([Local(12, 30), Local(12, 45), Local(13), Local(13, 15), Local(13, 30)], Starts(slots));
    }

    [Fact]
    public void Minimum_notice_and_booking_horizon_count_from_now()
    {
        var jobcenter = Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 16)));
        var query = Query(jobcenter) with
        {
            Now = Local(7, 50),
            MinimumNotice = TimeSpan.FromHours(2),
            BookingHorizon = TimeSpan.FromHours(4),
        };

        var slots = JointSlotFinder.Find(query);

        Assert.Equal(Local(10), slots[0].Span.Start);      // 09:50 rounded up to the grid
        Assert.Equal(Local(11, 45), slots[^1].Span.Start); // the last grid start before 11:50
    }

    [Fact]
    public void A_range_beyond_the_horizon_is_invalid()
    {
        var query = Query(Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 16)))) with { BookingHorizon = TimeSpan.FromDays(3) };

        var error = Assert.Throws<DomainException>(() => JointSlotFinder.Find(query));

        Assert.Equal(DomainErrorCode.InvalidArgument, error.Code);
        Assert.Equal("range_start", error.Field);
    }

    [Fact]
    public void An_empty_pool_is_a_failed_precondition_naming_the_pool()
    {
        var query = Query(Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 16))), Need("pools[1]"));

        var error = Assert.Throws<DomainException>(() => JointSlotFinder.Find(query));

        Assert.Equal(DomainErrorCode.FailedPrecondition, error.Code);
        Assert.Equal("pools[1]", error.Field);
    }

    [Fact]
    public void An_empty_room_list_is_a_failed_precondition_too()
    {
        var query = Query(Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 16)))) with { Room = Need("room_needs") };

        Assert.Equal("room_needs", Assert.Throws<DomainException>(() => JointSlotFinder.Find(query)).Field);
    }

    [Theory]
    [InlineData(0, "duration")]
    [InlineData(-30, "duration")]
    public void Bad_durations_are_invalid(int minutes, string field)
    {
        var query = Query(Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 16)))) with { Duration = TimeSpan.FromMinutes(minutes) };

        Assert.Equal(field, Assert.Throws<DomainException>(() => JointSlotFinder.Find(query)).Field);
    }

    [Fact]
    public void An_end_before_the_start_is_invalid()
    {
        var query = Query(Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 16)))) with { RangeEnd = Utc(2026, 12, 6) };

        Assert.Equal("range_end", Assert.Throws<DomainException>(() => JointSlotFinder.Find(query)).Field);
    }

    [Fact]
    public void Starts_lie_on_the_quarter_hour_grid()
    {
        var jobcenter = Need("pools[0]", Candidate(Counsellor("jc-1"), new UtcInterval(Local(8, 5), Local(10))));

        var slots = JointSlotFinder.Find(Query(jobcenter));

        Assert.Equal([Local(8, 15), Local(8, 30), Local(8, 45), Local(9)], Starts(slots));
    }

    [Fact]
    public void A_pool_offers_whichever_counsellor_is_free()
    {
        var pool = Need("pools[0]",
            Candidate(Counsellor("jc-1"), LocalSpan(8, 9)),
            Candidate(Counsellor("jc-2"), LocalSpan(10, 11)));

        var slots = JointSlotFinder.Find(Query(pool));

        Assert.Equal([(Local(8), "jc-1"), (Local(10), "jc-2")], slots.Select(s => (s.Span.Start, s.Resources[0].Id)));
    }

    [Fact]
    public void One_resource_is_never_picked_twice_when_pools_overlap()
    {
        var shared = Candidate(Counsellor("mbe-1", "org-mbe"), LocalSpan(8, 10));
        var other = Candidate(Counsellor("mbe-2", "org-mbe"), LocalSpan(9, 10));

        var slots = JointSlotFinder.Find(Query(Need("pools[0]", shared, other), Need("pools[1]", shared, other)));

        var slot = Assert.Single(slots);
        Assert.Equal(Local(9), slot.Span.Start);
        Assert.Equal(2, slot.Resources.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void An_optional_participant_joins_when_free_and_is_left_out_otherwise()
    {
        var required = Need("pools[0]", Candidate(Counsellor("jc-1"), LocalSpan(8, 10)));
        var optional = new SlotRequirement("pools[1]", [Candidate(Counsellor("jmd-1", "org-jmd"), LocalSpan(8, 9))], Optional: true);

        var slots = JointSlotFinder.Find(Query(required, optional));

        Assert.Equal(["jc-1", "jmd-1"], slots[0].Resources.Select(r => r.Id));
        Assert.Equal(["jc-1"], slots[^1].Resources.Select(r => r.Id));
    }

    [Fact]
    public void Prefers_a_room_and_counsellors_at_one_location()
    {
        var pool = Need("pools[0]",
            Candidate(Counsellor("jc-town", location: "loc-town"), LocalSpan(8, 12)),
            Candidate(Counsellor("jc-ip", location: "loc-ip"), LocalSpan(8, 12)));
        var query = Query(pool) with
        {
            Interpreter = Need("interpreter_language", Candidate(Interpreter("int-ar"), LocalSpan(8, 12))),
            Room = Need("room_needs", Candidate(Room("room-ip-1", "loc-ip"), LocalSpan(8, 12))),
        };

        var slot = JointSlotFinder.Find(query)[0];

        Assert.Equal(["jc-ip", "int-ar", "room-ip-1"], slot.Resources.Select(r => r.Id));
        Assert.Equal("loc-ip", slot.LocationId);
        Assert.Equal(1, slot.DistinctLocations); // the phone interpreter has no location
    }

    [Fact]
    public void Prefers_the_counsellor_with_fewer_bookings_in_the_range()
    {
        var pool = Need("pools[0]",
            new SlotCandidate(Counsellor("jc-a"), [LocalSpan(8, 12)], [], Load: 7),
            new SlotCandidate(Counsellor("jc-b"), [LocalSpan(8, 12)], [], Load: 2));

        var slot = JointSlotFinder.Find(Query(pool))[0];

        Assert.Equal("jc-b", slot.Resources[0].Id);
        Assert.Equal(2, slot.Load);
    }

    [Fact]
    public void Earliest_comes_first_and_the_score_sorts_the_same_way()
    {
        var pool = Need("pools[0]",
            Candidate(Counsellor("jc-town", location: "loc-town"), LocalSpan(8, 10)),
            Candidate(Counsellor("jc-ip", location: "loc-ip"), LocalSpan(9, 12)));
        var query = Query(pool) with { Room = Need("room_needs", Candidate(Room("room-ip-1", "loc-ip"), LocalSpan(8, 12))) };

        var slots = JointSlotFinder.Find(query);

        // 08:00 needs two locations, yet it is earlier than the one-location slots from 09:00: earliest wins.
        Assert.Equal(Local(8), slots[0].Span.Start);
        Assert.Equal(2, slots[0].DistinctLocations);
        Assert.Equal(1, slots.First(s => s.Span.Start == Local(9)).DistinctLocations);
        Assert.Equal(slots.OrderByDescending(s => s.Score).Select(s => s.Span.Start), Starts(slots));
    }

    [Fact]
    public void Slots_on_the_spring_forward_sunday_never_start_in_the_gap()
    {
        var schedule = new LocalSchedule([new WeeklyLocalWindow(DayOfWeek.Sunday, LocalTimeWindow.Parse("01:00", "04:00", "w"))]);
        var slots = FindOnSunday(schedule, Utc(2026, 3, 28), Utc(2026, 3, 30));

        // 2 real hours: starts 01:00, 01:15, 01:30, 01:45 CET, 03:00 CEST.
        Assert.Equal([Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 0, 15), Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 0, 45), Utc(2026, 3, 29, 1)], Starts(slots));
        Assert.All(slots, s => Assert.False(BerlinTime.IsSkipped(BerlinTime.ToLocal(s.Span.Start))));
    }

    [Fact]
    public void Slots_on_the_fall_back_sunday_use_all_four_real_hours()
    {
        var schedule = new LocalSchedule([new WeeklyLocalWindow(DayOfWeek.Sunday, LocalTimeWindow.Parse("01:00", "04:00", "w"))]);
        var slots = FindOnSunday(schedule, Utc(2026, 10, 24), Utc(2026, 10, 26));

        Assert.Equal(13, slots.Count); // 4 hours − 1 hour duration = 3 hours of starts, every 15 minutes, both ends included
        Assert.Equal(Utc(2026, 10, 24, 23), slots[0].Span.Start); // 01:00 CEST
        Assert.Equal(Utc(2026, 10, 25, 2), slots[^1].Span.Start);  // 03:00 CET
    }

    private static IReadOnlyList<RankedSlot> FindOnSunday(LocalSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var candidate = SlotCandidate.From(Counsellor("jc-1"), schedule, [], from, to, from);
        return JointSlotFinder.Find(Query(Need("pools[0]", candidate)) with { RangeStart = from, RangeEnd = to, Now = from - TimeSpan.FromDays(1) });
    }
}
