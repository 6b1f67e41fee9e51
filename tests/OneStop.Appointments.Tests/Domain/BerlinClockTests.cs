using OneStop.Appointments.Domain;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

public sealed class BerlinClockTests
{
    private static LocalTimeWindow Window(int fromHour, int toHour) => new(TimeSpan.FromHours(fromHour), TimeSpan.FromHours(toHour));

    [Fact]
    public void Spring_forward_window_from_one_to_four_lasts_two_real_hours()
    {
        var interval = BerlinClock.ToUtc(new DateOnly(2026, 3, 29), Window(1, 4));

        Assert.Equal(Utc(2026, 3, 29, 0), interval.Start); // 01:00 CET
        Assert.Equal(Utc(2026, 3, 29, 2), interval.End);   // 04:00 CEST
        Assert.Equal(TimeSpan.FromHours(2), interval.Duration);
    }

    [Fact]
    public void Fall_back_window_from_one_to_four_lasts_four_real_hours()
    {
        var interval = BerlinClock.ToUtc(new DateOnly(2026, 10, 25), Window(1, 4));

        Assert.Equal(Utc(2026, 10, 24, 23), interval.Start); // 01:00 CEST
        Assert.Equal(Utc(2026, 10, 25, 3), interval.End);    // 04:00 CET
        Assert.Equal(TimeSpan.FromHours(4), interval.Duration);
    }

    [Fact]
    public void A_window_inside_the_spring_gap_is_empty()
    {
        var gap = new LocalTimeWindow(TimeSpan.FromMinutes(135), TimeSpan.FromMinutes(165)); // 02:15–02:45

        Assert.True(BerlinClock.ToUtc(new DateOnly(2026, 3, 29), gap).IsEmpty);
    }

    [Fact]
    public void A_skipped_local_time_moves_forward_to_the_change()
    {
        var local = new DateTime(2026, 3, 29, 2, 30, 0);

        Assert.True(BerlinClock.IsSkipped(local));
        Assert.Equal(Utc(2026, 3, 29, 1), BerlinClock.ToUtc(local)); // = 03:00 CEST
    }

    [Fact]
    public void An_ambiguous_local_time_means_its_first_occurrence_unless_told_otherwise()
    {
        var local = new DateTime(2026, 10, 25, 2, 30, 0);

        Assert.True(BerlinClock.IsAmbiguous(local));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), BerlinClock.ToUtc(local));
        Assert.Equal(Utc(2026, 10, 25, 1, 30), BerlinClock.ToUtc(local, BerlinClock.Occurrence.Second));
    }

    [Fact]
    public void Adjacent_windows_in_the_repeated_hour_tile_real_time()
    {
        var date = new DateOnly(2026, 10, 25);
        var first = BerlinClock.ToUtc(date, new LocalTimeWindow(TimeSpan.FromHours(1), TimeSpan.FromMinutes(150)));
        var second = BerlinClock.ToUtc(date, new LocalTimeWindow(TimeSpan.FromMinutes(150), TimeSpan.FromHours(4)));

        Assert.Equal(first.End, second.Start);
        Assert.Equal(TimeSpan.FromHours(4), first.Duration + second.Duration);
    }

    [Theory]
    [InlineData(2026, 3, 29, 23)]
    [InlineData(2026, 10, 25, 25)]
    [InlineData(2026, 6, 1, 24)]
    public void Local_days_last_23_24_or_25_hours(int year, int month, int day, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), BerlinClock.LocalDay(new DateOnly(year, month, day)).Duration);
    }

    [Fact]
    public void Local_midnight_of_the_fall_back_day_is_exact()
    {
        var day = BerlinClock.LocalDay(new DateOnly(2026, 10, 25));

        Assert.Equal(Utc(2026, 10, 24, 22), day.Start); // 00:00 CEST
        Assert.Equal(Utc(2026, 10, 25, 23), day.End);   // 00:00 CET on the 26th
    }

    [Fact]
    public void Offsets_change_at_one_o_clock_utc_on_the_last_sundays()
    {
        Assert.Equal(TimeSpan.FromHours(1), BerlinClock.OffsetAt(Utc(2026, 3, 29, 0, 59)));
        Assert.Equal(TimeSpan.FromHours(2), BerlinClock.OffsetAt(Utc(2026, 3, 29, 1)));
        Assert.Equal(TimeSpan.FromHours(2), BerlinClock.OffsetAt(Utc(2026, 10, 25, 0, 59)));
        Assert.Equal(TimeSpan.FromHours(1), BerlinClock.OffsetAt(Utc(2026, 10, 25, 1)));
    }

    [Fact]
    public void Agrees_with_the_hosts_tz_database_for_every_hour_of_2026_when_it_has_one()
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return; // no tzdata on this host: the hand-written cases above still hold
        }
        for (var instant = Utc(2026, 1, 1); instant < Utc(2027, 1, 1); instant += TimeSpan.FromMinutes(30))
        {
            Assert.Equal(zone.GetUtcOffset(instant), BerlinClock.OffsetAt(instant));
            Assert.Equal(TimeZoneInfo.ConvertTime(instant, zone).DateTime, BerlinClock.ToLocal(instant));
        }
    }
}
