using System.Globalization;
using System.Text;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Words for the calendar entry, chosen by the caller (e.g. the appointment type's name and the location's
/// address from the directory). Never put client data here: the file is sent to agencies' calendars.
/// </summary>
public sealed record IcsEventText(string Summary = "OneStop-Termin", string? Location = null, string? Description = null, string? OrganizerUri = null);

/// <summary>
/// One appointment as an iCalendar object (RFC 5545) for agencies' calendars:
/// <list type="bullet">
/// <item>METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED once cancelled (RFC 5546);</item>
/// <item>UID "{appointment id}@onestop", stable over every change, and SEQUENCE from the appointment, so calendars
/// replace the entry instead of adding one;</item>
/// <item>DTSTART/DTEND as Europe/Berlin wall-clock time with TZID and the VTIMEZONE that defines it; DTSTAMP in UTC.
/// A time inside the repeated hour of October is written in UTC instead when it is the second occurrence, since a
/// TZID time there means the first (RFC 5545 §3.3.5);</item>
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
        var cancelled = appointment.Status == AppointmentStatus.Cancelled;
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            $"PRODID:{ProductId}",
            "CALSCALE:GREGORIAN",
            cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST",
        };
        lines.AddRange(BerlinTimeZoneComponent.Lines);
        lines.Add("BEGIN:VEVENT");
        lines.Add($"UID:{IcsText.Escape(Uid(appointment.Id))}");
        lines.Add($"DTSTAMP:{UtcValue(stamp)}");
        lines.Add(DateTimeProperty("DTSTART", appointment.Start.ToDateTimeOffset()));
        lines.Add(DateTimeProperty("DTEND", appointment.End.ToDateTimeOffset()));
        lines.Add($"SEQUENCE:{appointment.Sequence.ToString(CultureInfo.InvariantCulture)}");
        lines.Add($"STATUS:{EventStatus(appointment.Status)}");
        lines.Add($"SUMMARY:{IcsText.Escape(text.Summary)}");
        if (text.Location is { Length: > 0 } location)
        {
            lines.Add($"LOCATION:{IcsText.Escape(location)}");
        }
        if (text.Description is { Length: > 0 } description)
        {
            lines.Add($"DESCRIPTION:{IcsText.Escape(description)}");
        }
        if (appointment.OnlineLink.Length > 0 && Uri.TryCreate(appointment.OnlineLink, UriKind.Absolute, out var link))
        {
            lines.Add($"URL:{link.AbsoluteUri}");
        }
        if (text.OrganizerUri is { Length: > 0 } organizer)
        {
            lines.Add($"ORGANIZER:{organizer}");
        }
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");

        var output = new StringBuilder(2048);
        foreach (var line in lines)
        {
            IcsText.AppendFolded(output, line);
        }
        return output.ToString();
    }

    /// <summary>The UID for an appointment: the same for every version of it.</summary>
    public static string Uid(string appointmentId) => $"{appointmentId}@onestop";

    private static string EventStatus(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Cancelled => "CANCELLED",
        AppointmentStatus.Proposed or AppointmentStatus.Pending => "TENTATIVE",
        _ => "CONFIRMED",
    };

    private static string DateTimeProperty(string name, DateTimeOffset instant)
    {
        var local = BerlinTime.ToLocal(instant);
        if (BerlinTime.IsAmbiguous(local) && BerlinTime.ToUtc(local) != instant)
        {
            return $"{name}:{UtcValue(instant)}";
        }
        return $"{name};TZID={BerlinTime.TimeZoneId}:{local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
    }

    private static string UtcValue(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
