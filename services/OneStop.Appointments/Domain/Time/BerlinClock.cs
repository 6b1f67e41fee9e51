namespace OneStop.Appointments.Domain;

/// <summary>
/// Europe/Berlin wall-clock time ↔ UTC, with the daylight-saving rule written out rather than taken from the host's
/// tz database: containers often lack tzdata, and the ICS VTIMEZONE we publish must state the very same rule.
/// The rule is the EU one (in force since 1996): summer time (UTC+2) from the last Sunday of March 01:00 UTC to
/// the last Sunday of October 01:00 UTC; otherwise standard time (UTC+1).
/// <para>
/// Wall-clock windows are converted with two explicit choices:
/// <list type="bullet">
/// <item>A local time that does not exist (the spring-forward gap, 02:00–03:00 on the last Sunday of March) is
/// skipped: it is moved forward to the instant of the change (03:00 summer time). A window 01:00–04:00 that day is
/// therefore 2 hours long, and a window lying entirely inside the gap is empty.</item>
/// <item>A local time that happens twice (the fall-back hour, 02:00–03:00 on the last Sunday of October) means its
/// <b>first</b> occurrence (summer time), for window starts and ends alike, as RFC 5545 §3.3.5 reads such times.
/// Using one choice for both ends makes adjacent windows (…–02:30, 02:30–…) tile real time without overlap or hole,
/// and a window across the repeated hour contains it twice: 01:00–04:00 that day is 4 hours long.</item>
/// </list>
/// </para>
/// </summary>
public static class BerlinClock
{
    public const string TimeZoneId = "Europe/Berlin";

    public static readonly TimeSpan StandardOffset = TimeSpan.FromHours(1);
    public static readonly TimeSpan SummerOffset = TimeSpan.FromHours(2);

    /// <summary>Which occurrence an ambiguous (repeated) local time means.</summary>
    public enum Occurrence
    {
        /// <summary>The first one, still in summer time.</summary>
        First,
        /// <summary>The second one, already in standard time.</summary>
        Second,
    }

    /// <summary>The instant summer time begins: last Sunday of March, 01:00 UTC (02:00 local jumps to 03:00).</summary>
    public static DateTimeOffset SummerTimeStart(int year) => new(LastSunday(year, 3).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

    /// <summary>The instant summer time ends: last Sunday of October, 01:00 UTC (03:00 local falls back to 02:00).</summary>
    public static DateTimeOffset SummerTimeEnd(int year) => new(LastSunday(year, 10).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

    /// <summary>Berlin's offset from UTC at an instant.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var inSummer = utc >= SummerTimeStart(utc.Year).UtcDateTime && utc < SummerTimeEnd(utc.Year).UtcDateTime;
        return inSummer ? SummerOffset : StandardOffset;
    }

    /// <summary>The instant as Berlin wall-clock time (Kind Unspecified: a local reading, not an instant).</summary>
    public static DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(instant.UtcDateTime + OffsetAt(instant), DateTimeKind.Unspecified);

    /// <summary>The Berlin calendar date an instant falls on.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>True for wall-clock times in the spring-forward gap, which no instant shows.</summary>
    public static bool IsSkipped(DateTime local)
    {
        var gapStart = LastSunday(local.Year, 3).ToDateTime(new TimeOnly(2, 0));
        return local >= gapStart && local < gapStart.AddHours(1);
    }

    /// <summary>True for wall-clock times in the fall-back hour, which two instants show.</summary>
    public static bool IsAmbiguous(DateTime local)
    {
        var repeatStart = LastSunday(local.Year, 10).ToDateTime(new TimeOnly(2, 0));
        return local >= repeatStart && local < repeatStart.AddHours(1);
    }

    /// <summary>
    /// The instant a wall-clock time means. A skipped time gives the instant of the change (it moves forward to
    /// 03:00 summer time); an ambiguous time gives the <paramref name="occurrence"/> asked for.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, Occurrence occurrence = Occurrence.First)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (IsSkipped(local))
        {
            return SummerTimeStart(local.Year);
        }
        TimeSpan offset;
        if (IsAmbiguous(local))
        {
            offset = occurrence == Occurrence.First ? SummerOffset : StandardOffset;
        }
        else
        {
            var summerFrom = LastSunday(local.Year, 3).ToDateTime(new TimeOnly(3, 0));
            var summerUntil = LastSunday(local.Year, 10).ToDateTime(new TimeOnly(2, 0));
            offset = local >= summerFrom && local < summerUntil ? SummerOffset : StandardOffset;
        }
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>
    /// The real-time interval a wall-clock window on a local date covers (see the class remarks). Empty when the
    /// window lies entirely in the spring-forward gap.
    /// </summary>
    public static UtcInterval ToUtc(DateOnly date, LocalTimeWindow window)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new UtcInterval(ToUtc(midnight + window.Start), ToUtc(midnight + window.End));
    }

    /// <summary>One whole local day, from local midnight to the next local midnight (23, 24 or 25 hours).</summary>
    public static UtcInterval LocalDay(DateOnly date) => ToUtc(date, LocalTimeWindow.WholeDay);

    /// <summary>The local dates that [from, to) touches, in order.</summary>
    public static IEnumerable<DateOnly> LocalDatesIn(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            yield break;
        }
        var last = LocalDate(to - TimeSpan.FromTicks(1));
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
