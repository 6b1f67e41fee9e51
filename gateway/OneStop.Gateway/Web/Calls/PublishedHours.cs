using System.Globalization;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// A service's published weekly opening hours (its directory schedules), to keep the slots offered to the public
/// within them: an agency's calendar may start earlier than the service's doors open (preparation time, staff-only
/// appointments), and a visitor must not be offered a time at which the service says it is closed. Date-bound
/// exceptions (holidays) are left to the agency's calendar, which closes those days itself.
/// </summary>
public sealed class PublishedHours
{
    private readonly List<(int Day, TimeOnly Opens, TimeOnly Closes)> _hours = [];

    public PublishedHours(Service service)
    {
        foreach (var schedule in service.Schedules.Where(s => s.AttendingType != AttendingType.Online))
            foreach (var h in schedule.Weekly)
                if (TimeOnly.TryParseExact(h.OpensAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                    && TimeOnly.TryParseExact(h.ClosesAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes))
                    _hours.Add(((int)h.Day, opens, closes));
        _hours.Sort();
    }

    /// <summary>The service publishes no hours: there is nothing to keep slots within.</summary>
    public bool IsEmpty => _hours.Count == 0;

    /// <summary>The published hours as (ISO weekday 1–7, "09:00", "15:00"), for the page to list.</summary>
    public IEnumerable<(int Day, string Opens, string Closes)> Weekly =>
        _hours.Select(h => (h.Day, h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)));

    /// <summary>Whether the whole of [start, end) lies within one published opening period, in Berlin local time.</summary>
    public bool Contains(DateTimeOffset start, DateTimeOffset end)
    {
        if (IsEmpty) return true;
        var from = BerlinTime.ToLocal(start);
        var to = BerlinTime.ToLocal(end);
        if (from.Date != to.Date && to.TimeOfDay != TimeSpan.Zero) return false;
        var day = from.DayOfWeek == System.DayOfWeek.Sunday ? 7 : (int)from.DayOfWeek;
        var opens = TimeOnly.FromDateTime(from);
        var closes = to.TimeOfDay == TimeSpan.Zero && from.Date != to.Date ? TimeOnly.MaxValue : TimeOnly.FromDateTime(to);
        return _hours.Any(h => h.Day == day && h.Opens <= opens && closes <= h.Closes);
    }
}
