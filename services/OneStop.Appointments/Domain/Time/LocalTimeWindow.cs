using System.Globalization;
using OneStop.ServiceDefaults.Logging;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Appointments.Domain;

/// <summary>
/// A wall-clock window within one Europe/Berlin day, [Start, End), as offsets from local midnight. End may be
/// 24:00 (the end of the day). A window never crosses midnight, so each one belongs to exactly one local date.
/// </summary>
public readonly record struct LocalTimeWindow
{
    public static readonly LocalTimeWindow WholeDay = new(TimeSpan.Zero, TimeSpan.FromHours(24));

    public LocalTimeWindow(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > TimeSpan.FromHours(24) || end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"a local window needs 00:00 <= start < end <= 24:00, got {start}–{end}");
        }
        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    /// <summary>
    /// The real-time interval this window covers on a local date, by <see cref="BerlinTime"/>'s rules: a start or
    /// end in the spring-forward gap moves forward to the change (a window inside the gap is empty), one in the
    /// repeated October hour means its first occurrence.
    /// </summary>
    public UtcInterval On(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new UtcInterval(BerlinTime.ToUtc(midnight + Start), BerlinTime.ToUtc(midnight + End));
    }

    /// <summary>Reads "HH:MM" windows as the contract writes them; a bad value is INVALID_ARGUMENT naming the field.</summary>
    public static LocalTimeWindow Parse(string start, string end, string field)
    {
        var from = ParseTimeOfDay(start, $"{field}.start");
        var to = ParseTimeOfDay(end, $"{field}.end");
        if (to <= from)
        {
            throw DomainException.InvalidArgument($"{field}.end", $"must be after start ({start}), got {end}");
        }
        if (from == TimeSpan.FromHours(24))
        {
            throw DomainException.InvalidArgument($"{field}.start", "24:00 is only allowed as an end");
        }
        return new LocalTimeWindow(from, to);
    }

    /// <summary>"HH:MM" from 00:00 to 24:00 inclusive.</summary>
    public static TimeSpan ParseTimeOfDay(string value, string field)
    {
        if (value is { Length: 5 } && value[2] == ':'
            && int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(value.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0)))
        {
            return new TimeSpan(hours, minutes, 0);
        }
        throw DomainException.InvalidArgument(field, $"expected HH:MM between 00:00 and 24:00, got \"{LogValue.Safe(value)}\"");
    }

    public override string ToString() => $"{Start:hh\\:mm}–{(int)End.TotalHours:00}:{End.Minutes:00}";
}

/// <summary>A local window that repeats every week on one weekday (availability, or a client's blocked time).</summary>
public readonly record struct WeeklyLocalWindow(DayOfWeek Day, LocalTimeWindow Window);
