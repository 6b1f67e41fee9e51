namespace OneStop.Directory.Domain.Search;

/// <summary>
/// The time zone every OneStop schedule is written in. Resolved by IANA id; Windows hosts without ICU know it only
/// under its Windows id, hence the fallback.
/// </summary>
public static class BerlinTime
{
    private static readonly Lazy<TimeZoneInfo> Zone = new(Resolve);

    /// <summary>Europe/Berlin, with its real DST rules.</summary>
    public static TimeZoneInfo TimeZone => Zone.Value;

    private static TimeZoneInfo Resolve()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time");
        }
    }
}
