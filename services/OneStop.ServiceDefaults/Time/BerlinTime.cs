using NodaTime;
using NodaTime.TimeZones;

namespace OneStop.ServiceDefaults.Time;

/// <summary>
/// Europe/Berlin, the time zone every OneStop schedule, opening hour and displayed time is written in: the one
/// place where instants become Berlin wall-clock time and back. The rules come from NodaTime's TZDB, which is
/// embedded in the NodaTime assembly, so the answers are the same on a host without tzdata (slim containers,
/// Windows without ICU) and do not change when the host's tzdata is updated; only a NodaTime update changes them.
/// Nothing here reads a clock: "now" always comes from the caller's injected <see cref="TimeProvider"/>.
/// <para>
/// A wall-clock time is converted to an instant with two explicit rules:
/// <list type="bullet">
/// <item>A local time that does not exist (the spring-forward gap, 02:00–03:00 on the last Sunday of March) is
/// skipped: it moves forward to the instant of the change (03:00 summer time), not by the gap's length. So a
/// window 01:00–04:00 that day is 2 real hours, and a window lying entirely inside the gap is empty.</item>
/// <item>A local time that happens twice (the fall-back hour, 02:00–03:00 on the last Sunday of October) means its
/// <b>first</b> occurrence (summer time, the earlier instant) unless the caller asks for the second, as RFC 5545
/// §3.3.5 reads such times. One choice for window starts and ends alike makes adjacent windows (…–02:30,
/// 02:30–…) tile real time without overlap or hole.</item>
/// </list>
/// </para>
/// </summary>
public static class BerlinTime
{
    public const string TimeZoneId = "Europe/Berlin";

    /// <summary>Europe/Berlin from NodaTime's embedded TZDB (never the host's TimeZoneInfo).</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[TimeZoneId];

    /// <summary>Which occurrence an ambiguous (repeated) local time means.</summary>
    public enum Occurrence
    {
        /// <summary>The first one, still in summer time.</summary>
        First,
        /// <summary>The second one, already in standard time.</summary>
        Second,
    }

    /// <summary>Berlin's offset from UTC at an instant.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant) => Zone.GetUtcOffset(Instant.FromDateTimeOffset(instant)).ToTimeSpan();

    /// <summary>The instant as Berlin wall-clock time (Kind Unspecified: a local reading, not an instant).</summary>
    public static DateTime ToLocal(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>The Berlin calendar date an instant falls on.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>The current Berlin wall-clock time by the caller's clock.</summary>
    public static DateTime Now(TimeProvider clock) => ToLocal(clock.GetUtcNow());

    /// <summary>Today's Berlin calendar date by the caller's clock (it changes at Berlin midnight, not UTC's).</summary>
    public static DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow());

    /// <summary>True for wall-clock times in the spring-forward gap, which no instant shows.</summary>
    public static bool IsSkipped(DateTime local) => Map(local).Count == 0;

    /// <summary>True for wall-clock times in the fall-back hour, which two instants show.</summary>
    public static bool IsAmbiguous(DateTime local) => Map(local).Count == 2;

    /// <summary>
    /// The instant a wall-clock time means (its Kind is ignored). A skipped time gives the instant of the change;
    /// an ambiguous time gives the <paramref name="occurrence"/> asked for (see the class remarks).
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, Occurrence occurrence = Occurrence.First)
    {
        var mapping = Map(local);
        var instant = mapping.Count switch
        {
            0 => mapping.LateInterval.Start, // the gap: the first instant after it
            2 when occurrence == Occurrence.Second => mapping.Last().ToInstant(),
            _ => mapping.First().ToInstant(),
        };
        return instant.ToDateTimeOffset();
    }

    /// <summary>The instant of a Berlin local date and time, by the same rules as <see cref="ToUtc(DateTime, Occurrence)"/>.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time) => ToUtc(date.ToDateTime(time));

    /// <summary>Berlin midnight at the start of a local date.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));

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

    private static ZoneLocalMapping Map(DateTime local) => Zone.MapLocal(LocalDateTime.FromDateTime(local));
}
