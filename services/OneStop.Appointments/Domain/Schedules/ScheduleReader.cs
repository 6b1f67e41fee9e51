using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Logging;
using OneStop.ServiceDefaults.Time;
using DirectoryDate = OneStop.Directory.V1.Date;
using DirectoryDayOfWeek = OneStop.Directory.V1.DayOfWeek;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Turns the contract's schedule and blocked-window messages into domain values, checking every field on the way:
/// a bad one is INVALID_ARGUMENT naming it (paths as in the proto, under <c>prefix</c>).
/// </summary>
public static class ScheduleReader
{
    public static LocalSchedule Read(ResourceSchedule schedule, string prefix = "schedule")
    {
        var weekly = new List<WeeklyLocalWindow>(schedule.Weekly.Count);
        for (var i = 0; i < schedule.Weekly.Count; i++)
        {
            var w = schedule.Weekly[i];
            weekly.Add(new WeeklyLocalWindow(ReadDay(w.Day, $"{prefix}.weekly[{i}].day"), LocalTimeWindow.Parse(w.Start, w.End, $"{prefix}.weekly[{i}]")));
        }

        var overrides = new Dictionary<DateOnly, IReadOnlyList<LocalTimeWindow>>();
        for (var i = 0; i < schedule.Overrides.Count; i++)
        {
            var o = schedule.Overrides[i];
            var date = ReadDate(o.Date, $"{prefix}.overrides[{i}].date");
            var windows = o.Windows.Select((w, j) => LocalTimeWindow.Parse(w.Start, w.End, $"{prefix}.overrides[{i}].windows[{j}]")).ToList();
            if (!overrides.TryAdd(date, windows))
            {
                throw DomainException.InvalidArgument($"{prefix}.overrides[{i}].date", $"{date:yyyy-MM-dd} is overridden twice");
            }
        }

        var closures = schedule.Closures.Select((d, i) => ReadDate(d, $"{prefix}.closures[{i}]")).ToList();

        if (schedule.HolidayLand.Length > 0 && !PublicHolidays.IsKnownLand(schedule.HolidayLand))
        {
            throw DomainException.InvalidArgument($"{prefix}.holiday_land", $"unknown Land \"{LogValue.Safe(schedule.HolidayLand)}\"; expected one of {string.Join(", ", PublicHolidays.Lands)}");
        }

        var buffers = new ResourceBuffers(
            ReadBuffer(schedule.BufferBefore, $"{prefix}.buffer_before"),
            ReadBuffer(schedule.BufferAfter, $"{prefix}.buffer_after"));
        return new LocalSchedule(weekly, overrides, closures, schedule.HolidayLand, buffers);
    }

    /// <summary>A client's recurring unavailability (integration course, Kita pick-up).</summary>
    public static IReadOnlyList<WeeklyLocalWindow> ReadBlocked(IEnumerable<BlockedWindow> blocked, string prefix = "client_blocked") =>
        [.. blocked.Select((b, i) => new WeeklyLocalWindow(ReadDay(b.Day, $"{prefix}[{i}].day"), LocalTimeWindow.Parse(b.Start, b.End, $"{prefix}[{i}]")))];

    public static DayOfWeek ReadDay(DirectoryDayOfWeek day, string field) => day switch
    {
        DirectoryDayOfWeek.Monday => DayOfWeek.Monday,
        DirectoryDayOfWeek.Tuesday => DayOfWeek.Tuesday,
        DirectoryDayOfWeek.Wednesday => DayOfWeek.Wednesday,
        DirectoryDayOfWeek.Thursday => DayOfWeek.Thursday,
        DirectoryDayOfWeek.Friday => DayOfWeek.Friday,
        DirectoryDayOfWeek.Saturday => DayOfWeek.Saturday,
        DirectoryDayOfWeek.Sunday => DayOfWeek.Sunday,
        _ => throw DomainException.InvalidArgument(field, $"a weekday is required, got {day}"),
    };

    public static DateOnly ReadDate(DirectoryDate? date, string field)
    {
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw DomainException.InvalidArgument(field, date is null ? "a date is required" : $"{date.Year:0000}-{date.Month:00}-{date.Day:00} is not a calendar date");
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    private static TimeSpan ReadBuffer(Google.Protobuf.WellKnownTypes.Duration? duration, string field)
    {
        var value = duration?.ToTimeSpan() ?? TimeSpan.Zero;
        if (value < TimeSpan.Zero || value > TimeSpan.FromHours(4))
        {
            throw DomainException.InvalidArgument(field, $"must be between 0 and 4 hours, got {value}");
        }
        return value;
    }
}
