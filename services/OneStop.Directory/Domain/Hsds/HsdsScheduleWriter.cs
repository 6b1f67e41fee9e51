using System.Text.Json;
using OneStop.Directory.V1;
using static OneStop.Directory.Domain.Hsds.HsdsWriter;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>
/// Writes a schedule as one HSDS schedule object. HSDS holds one opens_at/closes_at per record with an RRULE-style
/// freq/byday; ours holds different hours per weekday and dated exceptions. So the HSDS fields carry what they can
/// (byday, and opens_at/closes_at when every day has the same single range), and x_onestop carries the exact
/// weekly hours, the exceptions and appointment_only. Times are Europe/Berlin local ("time_zone").
/// </summary>
internal static class HsdsScheduleWriter
{
    public static void Write(Utf8JsonWriter json, Schedule schedule)
    {
        json.WriteStartObject();
        String(json, "id", schedule.Id);
        String(json, "location_id", schedule.LocationId);
        Date(json, "valid_from", schedule.ValidFrom);
        Date(json, "valid_to", schedule.ValidTo);
        if (schedule.Weekly.Count > 0)
        {
            json.WriteString("freq", "WEEKLY");
            json.WriteString("byday", string.Join(",", schedule.Weekly.Select(h => DayCode(h.Day)).Where(c => c.Length > 0).Distinct()));
            var first = schedule.Weekly[0];
            var sameEveryDay = schedule.Weekly.All(h => h.OpensAt == first.OpensAt && h.ClosesAt == first.ClosesAt)
                && schedule.Weekly.Select(h => h.Day).Distinct().Count() == schedule.Weekly.Count;
            if (sameEveryDay)
            {
                String(json, "opens_at", first.OpensAt);
                String(json, "closes_at", first.ClosesAt);
            }
        }
        String(json, "schedule_link", schedule.BookingUrl);
        Enum(json, "attending_type", schedule.AttendingType);
        String(json, "notes", schedule.Notes);

        json.WriteStartObject(Extension);
        json.WriteString("time_zone", "Europe/Berlin");
        if (schedule.AppointmentOnly)
        {
            json.WriteBoolean("appointment_only", true);
        }
        WriteHours(json, "weekly", schedule.Weekly);
        if (schedule.Exceptions.Count > 0)
        {
            json.WriteStartArray("exceptions");
            foreach (var exception in schedule.Exceptions)
            {
                json.WriteStartObject();
                Date(json, "date", exception.Date);
                if (exception.Closed)
                {
                    json.WriteBoolean("closed", true);
                }
                WriteHours(json, "hours", exception.Hours);
                String(json, "description", exception.Description);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();

        json.WriteEndObject();
    }

    /// <summary>The iCal two-letter code of a weekday ("MO"), "" for an unspecified day.</summary>
    internal static string DayCode(V1.DayOfWeek day) => day switch
    {
        V1.DayOfWeek.Monday => "MO",
        V1.DayOfWeek.Tuesday => "TU",
        V1.DayOfWeek.Wednesday => "WE",
        V1.DayOfWeek.Thursday => "TH",
        V1.DayOfWeek.Friday => "FR",
        V1.DayOfWeek.Saturday => "SA",
        V1.DayOfWeek.Sunday => "SU",
        _ => "",
    };

    private static void WriteHours(Utf8JsonWriter json, string name, IReadOnlyCollection<OpeningHours> hours)
    {
        if (hours.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var h in hours)
        {
            json.WriteStartObject();
            Enum(json, "day", h.Day);
            String(json, "opens_at", h.OpensAt);
            String(json, "closes_at", h.ClosesAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
