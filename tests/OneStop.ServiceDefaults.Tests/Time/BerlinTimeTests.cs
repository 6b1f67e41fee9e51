using System.Globalization;
using OneStop.ServiceDefaults.Time;
using OneStop.TestSupport;

namespace OneStop.ServiceDefaults.Tests.Time;

public sealed class BerlinTimeTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_skipped_local_time_moves_forward_to_the_change()
    {
        var local = new DateTime(2026, 3, 29, 2, 30, 0);

        Assert.True(BerlinTime.IsSkipped(local));
        Assert.False(BerlinTime.IsAmbiguous(local));
        Assert.Equal(Utc(2026, 3, 29, 1), BerlinTime.ToUtc(local)); // = 03:00 CEST
    }

    [Theory]
    [InlineData(1, 59, false, 0, 59)] // 01:59 CET, the last minute before the gap
    [InlineData(2, 0, true, 1, 0)]    // the gap's first minute …
    [InlineData(2, 59, true, 1, 0)]   // … and its last: both the change itself (03:00 CEST)
    [InlineData(3, 0, false, 1, 0)]   // 03:00 CEST exists: the same instant as the gap, no hole and no overlap
    [InlineData(3, 1, false, 1, 1)]
    public void Spring_gap_every_skipped_minute_is_the_change_and_its_edges_are_exact(int hour, int minute, bool skipped, int utcHour, int utcMinute)
    {
        var local = new DateTime(2026, 3, 29, hour, minute, 0);

        Assert.Equal(skipped, BerlinTime.IsSkipped(local));
        Assert.Equal(Utc(2026, 3, 29, utcHour, utcMinute), BerlinTime.ToUtc(local));
        Assert.Equal(Utc(2026, 3, 29, utcHour, utcMinute), BerlinTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));
    }

    [Fact]
    public void An_ambiguous_local_time_means_its_first_occurrence_unless_told_otherwise()
    {
        var local = new DateTime(2026, 10, 25, 2, 30, 0);

        Assert.True(BerlinTime.IsAmbiguous(local));
        Assert.False(BerlinTime.IsSkipped(local));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), BerlinTime.ToUtc(local));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), BerlinTime.ToUtc(local, BerlinTime.Occurrence.First));
        Assert.Equal(Utc(2026, 10, 25, 1, 30), BerlinTime.ToUtc(local, BerlinTime.Occurrence.Second));
    }

    [Fact]
    public void Autumn_overlap_both_instants_read_as_the_same_wall_clock_time()
    {
        var first = Utc(2026, 10, 25, 0, 30);  // 02:30 CEST
        var second = Utc(2026, 10, 25, 1, 30); // 02:30 CET, one real hour later

        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), BerlinTime.ToLocal(first));
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), BerlinTime.ToLocal(second));
        Assert.Equal(TimeSpan.FromHours(2), BerlinTime.OffsetAt(first));
        Assert.Equal(TimeSpan.FromHours(1), BerlinTime.OffsetAt(second));
        // The hour's edges are not ambiguous: 01:59 is only CEST, 03:00 only CET.
        Assert.False(BerlinTime.IsAmbiguous(new DateTime(2026, 10, 25, 1, 59, 0)));
        Assert.False(BerlinTime.IsAmbiguous(new DateTime(2026, 10, 25, 3, 0, 0)));
        Assert.True(BerlinTime.IsAmbiguous(new DateTime(2026, 10, 25, 2, 0, 0)));
        Assert.Equal(Utc(2026, 10, 25, 2), BerlinTime.ToUtc(new DateTime(2026, 10, 25, 3, 0, 0)));
    }

    [Fact]
    public void Offsets_change_at_one_o_clock_utc_on_the_last_sundays()
    {
        Assert.Equal(TimeSpan.FromHours(1), BerlinTime.OffsetAt(Utc(2026, 3, 29, 0, 59)));
        Assert.Equal(TimeSpan.FromHours(2), BerlinTime.OffsetAt(Utc(2026, 3, 29, 1)));
        Assert.Equal(TimeSpan.FromHours(2), BerlinTime.OffsetAt(Utc(2026, 10, 25, 0, 59)));
        Assert.Equal(TimeSpan.FromHours(1), BerlinTime.OffsetAt(Utc(2026, 10, 25, 1)));
    }

    [Fact]
    public void Every_instant_of_a_year_reads_back_as_itself()
    {
        for (var instant = Utc(2026, 1, 1); instant < Utc(2027, 1, 1); instant += TimeSpan.FromMinutes(15))
        {
            var local = BerlinTime.ToLocal(instant);
            var occurrence = BerlinTime.IsAmbiguous(local) && BerlinTime.OffsetAt(instant) == TimeSpan.FromHours(1)
                ? BerlinTime.Occurrence.Second
                : BerlinTime.Occurrence.First;
            Assert.False(BerlinTime.IsSkipped(local), $"{instant:O} read as a skipped time {local:O}");
            Assert.Equal(instant, BerlinTime.ToUtc(local, occurrence));
            Assert.Equal(DateTimeKind.Unspecified, local.Kind);
        }
    }

    [Fact]
    public void Instants_before_the_1996_eu_rule_follow_the_rule_then_in_force()
    {
        // Until 1995 summer time ended on the last Sunday of September (24 September 1995); a hand-written EU rule
        // would still say summer time in early October.
        Assert.Equal(TimeSpan.FromHours(1), BerlinTime.OffsetAt(Utc(1995, 10, 1, 12)));
        Assert.Equal(TimeSpan.FromHours(2), BerlinTime.OffsetAt(Utc(1995, 9, 23, 12)));
    }

    [Theory]
    [InlineData("2026-06-15T21:59:00Z", "2026-06-15")] // 23:59 CEST
    [InlineData("2026-06-15T22:00:00Z", "2026-06-16")] // midnight CEST
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")] // midnight CET
    public void The_local_date_is_the_Berlin_calendar_day(string utc, string expected)
    {
        var instant = DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);
        var date = DateOnly.Parse(expected, CultureInfo.InvariantCulture);

        Assert.Equal(date, BerlinTime.LocalDate(instant));
        Assert.Equal(date, BerlinTime.Today(new ManualClock(instant)));
    }

    [Fact]
    public void Now_and_today_come_from_the_injected_clock()
    {
        var clock = new ManualClock(Utc(2026, 3, 28, 22, 59)); // 23:59 CET on Saturday

        Assert.Equal(new DateTime(2026, 3, 28, 23, 59, 0), BerlinTime.Now(clock));
        Assert.Equal(new DateOnly(2026, 3, 28), BerlinTime.Today(clock));

        clock.Now = Utc(2026, 3, 28, 23); // Berlin midnight: the spring-forward Sunday has begun
        Assert.Equal(new DateOnly(2026, 3, 29), BerlinTime.Today(clock));
    }

    [Fact]
    public void Start_of_day_is_local_midnight_on_dst_days()
    {
        Assert.Equal(Utc(2026, 3, 28, 23), BerlinTime.StartOfDay(new DateOnly(2026, 3, 29)));  // CET
        Assert.Equal(Utc(2026, 3, 29, 22), BerlinTime.StartOfDay(new DateOnly(2026, 3, 30)));  // CEST
        Assert.Equal(Utc(2026, 10, 24, 22), BerlinTime.StartOfDay(new DateOnly(2026, 10, 25))); // CEST
        Assert.Equal(Utc(2026, 10, 25, 23), BerlinTime.StartOfDay(new DateOnly(2026, 10, 26))); // CET
    }

    [Fact]
    public void Local_dates_in_a_range_follow_berlin_midnight_and_exclude_the_end()
    {
        Assert.Equal(
            [new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25)],
            BerlinTime.LocalDatesIn(Utc(2026, 10, 24, 21, 59), Utc(2026, 10, 25, 23)));
        Assert.Empty(BerlinTime.LocalDatesIn(Utc(2026, 10, 25), Utc(2026, 10, 25)));
    }

    [Fact]
    public void Agrees_with_the_hosts_tz_database_for_every_half_hour_of_2026_when_it_has_one()
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return; // no tzdata on this host: the cases above still hold, and BerlinTime does not need it
        }
        for (var instant = Utc(2026, 1, 1); instant < Utc(2027, 1, 1); instant += TimeSpan.FromMinutes(30))
        {
            Assert.Equal(zone.GetUtcOffset(instant), BerlinTime.OffsetAt(instant));
            Assert.Equal(TimeZoneInfo.ConvertTime(instant, zone).DateTime, BerlinTime.ToLocal(instant));
        }
    }
}
