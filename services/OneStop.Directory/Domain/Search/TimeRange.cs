namespace OneStop.Directory.Domain.Search;

/// <summary>
/// Opening hours of one day as minutes after local midnight. A range whose closing time is before its opening time
/// runs past midnight into the next day (e.g. 22:00–02:00).
/// </summary>
internal readonly record struct TimeRange(int OpensAt, int ClosesAt)
{
    public bool RunsPastMidnight => ClosesAt < OpensAt;

    /// <summary>Whether the range covers <paramref name="minute"/> of the day it starts on.</summary>
    public bool CoversSameDay(int minute) => RunsPastMidnight ? minute >= OpensAt : minute >= OpensAt && minute < ClosesAt;

    /// <summary>Whether the part after midnight covers <paramref name="minute"/> of the following day.</summary>
    public bool CoversNextDay(int minute) => RunsPastMidnight && minute < ClosesAt;

    /// <summary>Parses "HH:MM" opening and closing times ("24:00" closes at midnight); null when either is malformed.</summary>
    public static TimeRange? Parse(string opensAt, string closesAt)
    {
        var opens = ParseMinutes(opensAt);
        var closes = ParseMinutes(closesAt);
        if (opens is null || closes is null || opens == closes || opens == 24 * 60)
        {
            return null;
        }
        return new TimeRange(opens.Value, closes.Value);
    }

    /// <summary>Minutes after midnight of an "HH:MM" (or "H:MM") time, 0..1440; null when malformed.</summary>
    public static int? ParseMinutes(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var colon = text.IndexOf(':');
        if (colon is < 1 or > 2 || text.Length - colon - 1 != 2)
        {
            return null;
        }
        if (!int.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes))
        {
            return null;
        }
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        {
            return null;
        }
        return hours * 60 + minutes;
    }
}
