using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace OneStop.Gateway.Web.Calls;

/// <summary>Instants are UTC on the wire; people read them in Europe/Berlin local time, in their own language's format.</summary>
public static class BerlinTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTime Local(Timestamp instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.ToDateTime(), Zone);

    public static DateTime Now(TimeProvider clock) => TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone);

    /// <summary>"Dienstag, 24. November 2026, 09:30" in German: the current culture's long date, then a 24-hour time.</summary>
    public static string DateAndTime(Timestamp instant)
    {
        var local = Local(instant);
        return local.ToString("D", CultureInfo.CurrentCulture) + ", " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    public static string TimeOfDay(Timestamp instant) => Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The UTC instant of a Berlin local date and time.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time), Zone), TimeSpan.Zero);
}
