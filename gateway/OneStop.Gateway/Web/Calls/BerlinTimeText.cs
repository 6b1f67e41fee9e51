using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// Instants are UTC on the wire; people read them in Europe/Berlin local time (converted by ServiceDefaults'
/// <see cref="BerlinTime"/>), in their own language's format.
/// </summary>
public static class BerlinTimeText
{
    /// <summary>"Dienstag, 24. November 2026, 09:30" in German: the current culture's long date, then a 24-hour time.</summary>
    public static string DateAndTime(Timestamp instant)
    {
        var local = BerlinTime.ToLocal(instant.ToDateTimeOffset());
        return local.ToString("D", CultureInfo.CurrentCulture) + ", " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"09:30": the 24-hour Berlin time of day.</summary>
    public static string TimeOfDay(Timestamp instant) =>
        BerlinTime.ToLocal(instant.ToDateTimeOffset()).ToString("HH:mm", CultureInfo.InvariantCulture);
}
