using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.Directory.V1;
using static OneStop.Appointments.Tests.Domain.Instants;
using DirectoryDayOfWeek = OneStop.Directory.V1.DayOfWeek;

namespace OneStop.Appointments.Tests.Domain;

public sealed class ResourceAvailabilityTests
{
    private static LocalSchedule EverySunday(string from, string to) =>
        new([new WeeklyLocalWindow(System.DayOfWeek.Sunday, LocalTimeWindow.Parse(from, to, "w"))]);

    private static LocalSchedule Weekdays(string from, string to, string land = "") =>
        new(Enumerable.Range(1, 5).Select(d => new WeeklyLocalWindow((System.DayOfWeek)d, LocalTimeWindow.Parse(from, to, "w"))), holidayLand: land);

    [Fact]
    public void Weekly_window_across_spring_forward_is_two_hours_and_skips_the_gap()
    {
        var available = ResourceAvailability.Compute(EverySunday("01:00", "04:00"), Utc(2026, 3, 28), Utc(2026, 3, 30));

        var interval = Assert.Single(available);
        Assert.Equal(new UtcInterval(Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 2)), interval);
    }

    [Fact]
    public void Weekly_window_across_fall_back_is_four_hours()
    {
        var available = ResourceAvailability.Compute(EverySunday("01:00", "04:00"), Utc(2026, 10, 24), Utc(2026, 10, 26));

        Assert.Equal(TimeSpan.FromHours(4), Assert.Single(available).Duration);
    }

    [Fact]
    public void A_summer_window_is_two_hours_behind_in_utc_and_a_winter_one_one_hour()
    {
        var schedule = Weekdays("08:00", "12:00");

        var summer = ResourceAvailability.Compute(schedule, Utc(2026, 6, 1), Utc(2026, 6, 2));
        var winter = ResourceAvailability.Compute(schedule, Utc(2026, 12, 1), Utc(2026, 12, 2));

        Assert.Equal(Utc(2026, 6, 1, 6), Assert.Single(summer).Start);
        Assert.Equal(Utc(2026, 12, 1, 7), Assert.Single(winter).Start);
    }

    [Fact]
    public void A_whole_day_override_on_the_fall_back_sunday_covers_exactly_that_local_day()
    {
        var overrides = new Dictionary<DateOnly, IReadOnlyList<LocalTimeWindow>> { [new DateOnly(2026, 10, 25)] = [LocalTimeWindow.WholeDay] };
        var schedule = new LocalSchedule([], overrides);

        var available = ResourceAvailability.Compute(schedule, Utc(2026, 10, 20), Utc(2026, 10, 30));

        var day = Assert.Single(available);
        Assert.Equal(Berlin(2026, 10, 25, 0, 0, offsetHours: 2), day.Start);
        Assert.Equal(Berlin(2026, 10, 26, 0, 0, offsetHours: 1), day.End);
        Assert.Equal(TimeSpan.FromHours(25), day.Duration);
    }

    [Fact]
    public void An_override_replaces_the_weekly_windows_only_on_its_local_date()
    {
        // Tuesday 2026-10-27 opens late; Monday and Wednesday keep the weekly hours.
        var overrides = new Dictionary<DateOnly, IReadOnlyList<LocalTimeWindow>> { [new DateOnly(2026, 10, 27)] = [LocalTimeWindow.Parse("13:00", "15:00", "o")] };
        var schedule = new LocalSchedule(Weekdays("08:00", "12:00").Weekly, overrides);

        var available = ResourceAvailability.Compute(schedule, Utc(2026, 10, 26), Utc(2026, 10, 29));

        Assert.Equal(
            [
                new UtcInterval(Utc(2026, 10, 26, 7), Utc(2026, 10, 26, 11)),
                new UtcInterval(Utc(2026, 10, 27, 12), Utc(2026, 10, 27, 14)),
                new UtcInterval(Utc(2026, 10, 28, 7), Utc(2026, 10, 28, 11)),
            ],
            available);
    }

    [Fact]
    public void An_override_without_windows_closes_the_day()
    {
        var overrides = new Dictionary<DateOnly, IReadOnlyList<LocalTimeWindow>> { [new DateOnly(2026, 10, 27)] = [] };
        var schedule = new LocalSchedule(Weekdays("08:00", "12:00").Weekly, overrides);

        var available = ResourceAvailability.Compute(schedule, UtcInterval.LocalDay(new DateOnly(2026, 10, 27)).Start, UtcInterval.LocalDay(new DateOnly(2026, 10, 27)).End);

        Assert.Empty(available);
    }

    [Fact]
    public void Holidays_of_the_schedules_land_close_the_day()
    {
        // 2026-04-03 Karfreitag (everywhere), 2026-06-04 Fronleichnam (NW, not NI).
        Assert.Empty(ResourceAvailability.Compute(Weekdays("08:00", "12:00", "NI"), Utc(2026, 4, 3), Utc(2026, 4, 4)));
        Assert.Empty(ResourceAvailability.Compute(Weekdays("08:00", "12:00", "NW"), Utc(2026, 6, 4), Utc(2026, 6, 5)));
        Assert.Single(ResourceAvailability.Compute(Weekdays("08:00", "12:00", "NI"), Utc(2026, 6, 4), Utc(2026, 6, 5)));
        Assert.Single(ResourceAvailability.Compute(Weekdays("08:00", "12:00"), Utc(2026, 4, 3), Utc(2026, 4, 4)));
    }

    [Fact]
    public void Closures_close_the_day_even_over_an_override()
    {
        var date = new DateOnly(2026, 10, 27);
        var overrides = new Dictionary<DateOnly, IReadOnlyList<LocalTimeWindow>> { [date] = [LocalTimeWindow.WholeDay] };
        var schedule = new LocalSchedule(Weekdays("08:00", "12:00").Weekly, overrides, closures: [date]);

        Assert.Empty(ResourceAvailability.Compute(schedule, Utc(2026, 10, 27), Utc(2026, 10, 28)));
    }

    [Fact]
    public void The_result_is_clipped_to_the_range()
    {
        var available = ResourceAvailability.Compute(Weekdays("08:00", "12:00"), Utc(2026, 12, 1, 9), Utc(2026, 12, 1, 10));

        Assert.Equal(new UtcInterval(Utc(2026, 12, 1, 9), Utc(2026, 12, 1, 10)), Assert.Single(available));
    }

    [Fact]
    public void Reads_the_contracts_schedule_and_names_bad_fields()
    {
        var proto = new ResourceSchedule
        {
            ResourceId = "r1",
            Weekly = { new WeeklyWindow { Day = DirectoryDayOfWeek.Monday, Start = "08:00", End = "12:00" } },
            Overrides = { new DateOverride { Date = new Date { Year = 2026, Month = 10, Day = 25 } } },
            HolidayLand = "NW",
            BufferAfter = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMinutes(10)),
        };

        var schedule = ScheduleReader.Read(proto);
        Assert.Equal("NW", schedule.HolidayLand);
        Assert.Equal(TimeSpan.FromMinutes(10), schedule.Buffers.After);
        Assert.Empty(schedule.Overrides[new DateOnly(2026, 10, 25)]);

        proto.Weekly[0].End = "07:00";
        Assert.Equal("schedule.weekly[0].end", Assert.Throws<DomainException>(() => ScheduleReader.Read(proto)).Field);
        proto.Weekly[0].End = "25:00";
        Assert.Equal("schedule.weekly[0].end", Assert.Throws<DomainException>(() => ScheduleReader.Read(proto)).Field);
        proto.Weekly[0].End = "12:00";
        proto.HolidayLand = "XX";
        Assert.Equal("schedule.holiday_land", Assert.Throws<DomainException>(() => ScheduleReader.Read(proto)).Field);
    }
}
