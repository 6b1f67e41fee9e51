using OneStop.ServiceDefaults.Time;

namespace OneStop.Appointments.Domain;

/// <summary>
/// The VTIMEZONE for Europe/Berlin (RFC 5545 §3.6.5), stating the EU rule that <see cref="BerlinTime"/>'s TZDB
/// has for Berlin since 1996: summer time from the last Sunday of March 02:00 local (→ 03:00), standard time from the last Sunday of
/// October 03:00 local (→ 02:00). DTSTART of each rule is its first occurrence in 1970 (29 March, 25 October).
/// </summary>
public static class BerlinTimeZoneComponent
{
    public static IReadOnlyList<string> Lines { get; } =
    [
        "BEGIN:VTIMEZONE",
        $"TZID:{BerlinTime.TimeZoneId}",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];
}
