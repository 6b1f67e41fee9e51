using OneStop.Appointments.Domain;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

/// <summary>
/// Wall-clock windows on DST days, converted by ServiceDefaults' BerlinTime (its own tests cover single times:
/// tests/OneStop.ServiceDefaults.Tests/Time/BerlinTimeTests.cs).
/// </summary>
public sealed class LocalTimeWindowTests
{
    private static LocalTimeWindow Window(int fromHour, int toHour) => new(TimeSpan.FromHours(fromHour), TimeSpan.FromHours(toHour));

    [Fact]
    public void Spring_forward_window_from_one_to_four_lasts_two_real_hours()
    {
        var interval = Window(1, 4).On(new DateOnly(2026, 3, 29));

        Assert.Equal(Utc(2026, 3, 29, 0), interval.Start); // 01:00 CET
        Assert.Equal(Utc(2026, 3, 29, 2), interval.End);   // 04:00 CEST
        Assert.Equal(TimeSpan.FromHours(2), interval.Duration);
    }

    [Fact]
    public void Fall_back_window_from_one_to_four_lasts_four_real_hours()
    {
        var interval = Window(1, 4).On(new DateOnly(2026, 10, 25));

        Assert.Equal(Utc(2026, 10, 24, 23), interval.Start); // 01:00 CEST
        Assert.Equal(Utc(2026, 10, 25, 3), interval.End);    // 04:00 CET
        Assert.Equal(TimeSpan.FromHours(4), interval.Duration);
    }

    [Fact]
    public void A_window_inside_the_spring_gap_is_empty()
    {
        var gap = new LocalTimeWindow(TimeSpan.FromMinutes(135), TimeSpan.FromMinutes(165)); // 02:15–02:45

        Assert.True(gap.On(new DateOnly(2026, 3, 29)).IsEmpty);
    }

    [Fact]
    public void A_window_ending_in_the_spring_gap_ends_at_the_change()
    {
        var interval = new LocalTimeWindow(TimeSpan.FromHours(1), TimeSpan.FromMinutes(150)).On(new DateOnly(2026, 3, 29)); // 01:00–02:30

        Assert.Equal(Utc(2026, 3, 29, 1), interval.End); // 03:00 CEST, not 03:30
        Assert.Equal(TimeSpan.FromHours(1), interval.Duration);
    }

    [Fact]
    public void Adjacent_windows_in_the_repeated_hour_tile_real_time()
    {
        var date = new DateOnly(2026, 10, 25);
        var first = new LocalTimeWindow(TimeSpan.FromHours(1), TimeSpan.FromMinutes(150)).On(date);
        var second = new LocalTimeWindow(TimeSpan.FromMinutes(150), TimeSpan.FromHours(4)).On(date);

        Assert.Equal(first.End, second.Start);
        Assert.Equal(TimeSpan.FromHours(4), first.Duration + second.Duration);
    }

    [Theory]
    [InlineData(2026, 3, 29, 23)]
    [InlineData(2026, 10, 25, 25)]
    [InlineData(2026, 6, 1, 24)]
    public void Local_days_last_23_24_or_25_hours(int year, int month, int day, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), UtcInterval.LocalDay(new DateOnly(year, month, day)).Duration);
    }

    [Fact]
    public void Local_midnight_of_the_fall_back_day_is_exact()
    {
        var day = UtcInterval.LocalDay(new DateOnly(2026, 10, 25));

        Assert.Equal(Utc(2026, 10, 24, 22), day.Start); // 00:00 CEST
        Assert.Equal(Utc(2026, 10, 25, 23), day.End);   // 00:00 CET on the 26th
    }
}
