using OneStop.ServiceDefaults.Time;

namespace OneStop.Appointments.Domain;

/// <summary>
/// When a resource works, as real-time intervals: its schedule's local windows, date by date, converted with
/// <see cref="LocalTimeWindow.On"/> (so DST days are 23 or 25 hours long and the spring-forward gap never appears),
/// clipped to the range. Bookings are not subtracted here; see <see cref="BusyIntervals"/>.
/// </summary>
public static class ResourceAvailability
{
    /// <summary>The available intervals within [from, to), sorted and merged.</summary>
    public static IReadOnlyList<UtcInterval> Compute(LocalSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var range = new UtcInterval(from, to);
        if (range.IsEmpty)
        {
            return [];
        }
        var holidays = HolidaysIn(schedule.HolidayLand, range);
        var intervals = new List<UtcInterval>();
        foreach (var date in BerlinTime.LocalDatesIn(range.Start, range.End))
        {
            foreach (var window in schedule.WindowsOn(date, holidays))
            {
                var interval = window.On(date).ClipTo(range);
                if (!interval.IsEmpty)
                {
                    intervals.Add(interval);
                }
            }
        }
        return IntervalSet.Normalize(intervals);
    }

    private static HashSet<DateOnly> HolidaysIn(string land, UtcInterval range)
    {
        var days = new HashSet<DateOnly>();
        if (land.Length == 0)
        {
            return days;
        }
        for (var year = BerlinTime.LocalDate(range.Start).Year; year <= BerlinTime.LocalDate(range.End).Year; year++)
        {
            IReadOnlyList<PublicHoliday> holidays;
            try
            {
                holidays = PublicHolidays.For(land, year);
            }
            catch (ArgumentException e)
            {
                throw DomainException.InvalidArgument(e.ParamName ?? "holiday_land", e.Message.Split(" (Parameter")[0]);
            }
            foreach (var holiday in holidays)
            {
                days.Add(holiday.Date);
            }
        }
        return days;
    }
}
