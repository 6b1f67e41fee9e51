using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Words for the calendar entry, chosen by the caller (e.g. the appointment type's name and the location's
/// address from the directory). Never put client data here: the file is sent to agencies' calendars.
/// <see cref="OrganizerUri"/> (a mailto: address of the issuing organization) makes the file a scheduling
/// request (METHOD:REQUEST or CANCEL with ORGANIZER); without one it is published (METHOD:PUBLISH), as RFC 5546
/// requires an organizer wherever a reply is expected.
/// </summary>
public sealed record IcsEventText(string Summary = "OneStop-Termin", string? Location = null, string? Description = null, string? OrganizerUri = null,
    string? OrganizerName = null);

/// <summary>
/// One appointment as an iCalendar object (RFC 5545) for agencies' calendars, written by Ical.Net (which escapes
/// TEXT values, folds lines at 75 octets and ends them with CRLF):
/// <list type="bullet">
/// <item>with an organizer: METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED once cancelled (RFC 5546),
/// and ORGANIZER; without one: METHOD:PUBLISH (no reply expected), STATUS:CANCELLED once cancelled;</item>
/// <item>UID "{appointment id}@onestop", stable over every change, and SEQUENCE from the appointment, so calendars
/// replace the entry instead of adding one;</item>
/// <item>DTSTART/DTEND as Europe/Berlin wall-clock time with TZID and the VTIMEZONE that defines it (from the same
/// TZDB as <see cref="BerlinTime"/>); DTSTAMP in UTC. A time inside the repeated hour of October is written in UTC
/// instead when it is the second occurrence, since a TZID time there means the first (RFC 5545 §3.3.5);</item>
/// <item>no client id, participant names or any other personal data.</item>
/// </list>
/// </summary>
public static class IcsCalendar
{
    public const string ProductId = "-//OneStop//Appointments//DE";

    /// <param name="appointment">The appointment (its client id is deliberately not written).</param>
    /// <param name="stamp">When this object is produced (DTSTAMP), from the caller's TimeProvider.</param>
    /// <param name="text">Summary, location and description; defaults to a neutral summary.</param>
    public static string Write(Appointment appointment, DateTimeOffset stamp, IcsEventText? text = null)
    {
        text ??= new IcsEventText();
        var start = appointment.Start.ToDateTimeOffset();
        var calendar = new Ical.Net.Calendar
        {
            ProductId = ProductId,
            Scale = "GREGORIAN",
            Method = text.OrganizerUri is not { Length: > 0 } ? "PUBLISH" : appointment.Status == AppointmentStatus.Cancelled ? "CANCEL" : "REQUEST",
        };
        // The rule in force from the appointment's start on; Berlin's has not changed since 1996.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(BerlinTime.TimeZoneId, start.UtcDateTime, includeHistoricalData: false));

        var entry = new CalendarEvent
        {
            Uid = Uid(appointment.Id),
            DtStamp = Utc(stamp),
            DtStart = WallClock(start),
            DtEnd = WallClock(appointment.End.ToDateTimeOffset()),
            Sequence = appointment.Sequence,
            Status = EventStatus(appointment.Status),
            Summary = PlainText(text.Summary),
        };
        if (text.Location is { Length: > 0 } location)
        {
            entry.Location = PlainText(location);
        }
        if (text.Description is { Length: > 0 } description)
        {
            entry.Description = PlainText(description);
        }
        if (appointment.OnlineLink.Length > 0 && Uri.TryCreate(appointment.OnlineLink, UriKind.Absolute, out var link))
        {
            entry.Url = link;
        }
        if (text.OrganizerUri is { Length: > 0 } organizer)
        {
            entry.Organizer = new Organizer(organizer);
            if (text.OrganizerName is { Length: > 0 } name) entry.Organizer.CommonName = PlainText(name);
        }
        calendar.Events.Add(entry);

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar");
    }

    /// <summary>The UID for an appointment: the same for every version of it.</summary>
    public static string Uid(string appointmentId) => $"{appointmentId}@onestop";

    private static string EventStatus(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Cancelled => "CANCELLED",
        AppointmentStatus.Proposed or AppointmentStatus.Pending => "TENTATIVE",
        _ => "CONFIRMED",
    };

    /// <summary>Berlin wall-clock time with TZID, unless that would name the other occurrence of a repeated hour.</summary>
    private static CalDateTime WallClock(DateTimeOffset instant)
    {
        var local = BerlinTime.ToLocal(instant);
        if (BerlinTime.IsAmbiguous(local) && BerlinTime.ToUtc(local) != instant)
        {
            return Utc(instant);
        }
        return new CalDateTime(local, BerlinTime.TimeZoneId);
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId);

    /// <summary>
    /// RFC 5545 TEXT allows no control characters but tab; Ical.Net writes them as they are, so they are dropped here.
    /// Line breaks stay: Ical.Net escapes them as \n.
    /// </summary>
    private static string PlainText(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsControl(c) || c is '\t' or '\r' or '\n')
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
