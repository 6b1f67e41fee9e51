using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;
using ProtoDay = OneStop.Directory.V1.DayOfWeek;

namespace OneStop.Directory.Tests.Search;

public class OpeningHoursEvaluatorTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static Schedule Weekly(ProtoDay day, string opens, string closes) =>
        new() { Weekly = { new OpeningHours { Day = day, OpensAt = opens, ClosesAt = closes } } };

    [Theory]
    [InlineData(0, 30, true)]  // 01:30 CET
    [InlineData(1, 30, true)]  // 03:30 CEST: 02:00–03:00 local did not exist that night
    [InlineData(2, 59, false)] // 04:59 CEST, after closing at 04:00
    [InlineData(1, 59, true)]  // 03:59 CEST
    public void Spring_forward_Sunday_2026_03_29(int hourUtc, int minuteUtc, bool open)
    {
        var schedule = Weekly(ProtoDay.Sunday, "01:00", "04:00");

        Assert.Equal(open, OpeningHoursEvaluator.IsOpen([schedule], Utc(3, 29, hourUtc, minuteUtc)));
    }

    [Theory]
    [InlineData(0, 30, true)]  // 02:30 CEST, first pass
    [InlineData(1, 30, true)]  // 02:30 CET, the repeated hour
    [InlineData(2, 0, false)]  // 03:00 CET
    [InlineData(23, 59, false)] // Monday 00:59 CET
    public void Fall_back_Sunday_2026_10_25_repeats_the_hour(int hourUtc, int minuteUtc, bool open)
    {
        var schedule = Weekly(ProtoDay.Sunday, "02:00", "03:00");

        Assert.Equal(open, OpeningHoursEvaluator.IsOpen([schedule], Utc(10, 25, hourUtc, minuteUtc)));
    }

    [Fact]
    public void Hours_past_midnight_continue_into_the_next_day()
    {
        var schedule = Weekly(ProtoDay.Friday, "22:00", "02:00");

        Assert.True(OpeningHoursEvaluator.IsOpen([schedule], Utc(3, 27, 21, 30)));   // Fri 22:30 CET
        Assert.True(OpeningHoursEvaluator.IsOpen([schedule], Utc(3, 28, 0, 30)));    // Sat 01:30 CET
        Assert.False(OpeningHoursEvaluator.IsOpen([schedule], Utc(3, 28, 1, 30)));   // Sat 02:30 CET
    }

    [Fact]
    public void Validity_period_limits_the_schedule()
    {
        var schedule = Weekly(ProtoDay.Monday, "09:00", "12:00");
        schedule.ValidFrom = new Date { Year = 2026, Month = 4, Day = 1 };
        schedule.ValidTo = new Date { Year = 2026, Month = 4, Day = 30 };

        Assert.False(OpeningHoursEvaluator.IsOpen([schedule], Utc(3, 30, 8, 0)));  // Mon 10:00 CEST, before
        Assert.True(OpeningHoursEvaluator.IsOpen([schedule], Utc(4, 6, 8, 0)));    // Mon in April
        Assert.True(OpeningHoursEvaluator.IsOpen([schedule], Utc(4, 27, 8, 0)));   // Mon, last week of validity
        Assert.False(OpeningHoursEvaluator.IsOpen([schedule], Utc(5, 4, 8, 0)));   // Mon after
    }

    [Fact]
    public void Exceptions_close_or_replace_the_weekly_hours()
    {
        var schedule = Weekly(ProtoDay.Monday, "09:00", "12:00");
        schedule.Exceptions.Add(new ScheduleException { Date = new Date { Year = 2026, Month = 4, Day = 6 }, Closed = true });
        schedule.Exceptions.Add(new ScheduleException
        {
            Date = new Date { Year = 2026, Month = 4, Day = 13 },
            Hours = { new OpeningHours { OpensAt = "14:00", ClosesAt = "16:00" } },
        });

        Assert.False(OpeningHoursEvaluator.IsOpen([schedule], Utc(4, 6, 8, 0)));   // closed day
        Assert.False(OpeningHoursEvaluator.IsOpen([schedule], Utc(4, 13, 8, 0)));  // 10:00, replaced
        Assert.True(OpeningHoursEvaluator.IsOpen([schedule], Utc(4, 13, 12, 30))); // 14:30, replaced hours
        Assert.True(OpeningHoursEvaluator.IsOpen([schedule], Utc(4, 20, 8, 0)));   // ordinary Monday
    }

    [Fact]
    public void Any_open_schedule_makes_the_service_open_and_closing_time_is_exclusive()
    {
        Schedule[] schedules = [Weekly(ProtoDay.Monday, "09:00", "12:00"), Weekly(ProtoDay.Monday, "13:00", "15:00")];

        Assert.True(OpeningHoursEvaluator.IsOpen(schedules, Utc(4, 20, 11, 30)));   // 13:30 CEST
        Assert.False(OpeningHoursEvaluator.IsOpen(schedules, Utc(4, 20, 10, 0)));   // 12:00 CEST exactly
        Assert.False(OpeningHoursEvaluator.IsOpen([], Utc(4, 20, 8, 0)));
    }
}
