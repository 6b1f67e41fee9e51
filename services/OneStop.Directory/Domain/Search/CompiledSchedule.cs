using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// One <see cref="Schedule"/> parsed once (at index build time) so that asking "open at this minute?" does no string
/// parsing and no allocation.
/// </summary>
internal sealed class CompiledSchedule
{
    private static readonly TimeRange[] Closed = [];

    private readonly DateOnly? _validFrom;
    private readonly DateOnly? _validTo;
    private readonly TimeRange[][] _weekly;                    // indexed by System.DayOfWeek (Sunday = 0)
    private readonly Dictionary<DateOnly, TimeRange[]> _exceptions;

    private CompiledSchedule(DateOnly? validFrom, DateOnly? validTo, TimeRange[][] weekly, Dictionary<DateOnly, TimeRange[]> exceptions)
    {
        _validFrom = validFrom;
        _validTo = validTo;
        _weekly = weekly;
        _exceptions = exceptions;
    }

    public static CompiledSchedule Compile(Schedule schedule)
    {
        var weekly = new List<TimeRange>[7];
        for (var i = 0; i < weekly.Length; i++)
        {
            weekly[i] = [];
        }
        foreach (var hours in schedule.Weekly)
        {
            var day = ToSystemDay(hours.Day);
            var range = TimeRange.Parse(hours.OpensAt, hours.ClosesAt);
            if (day is not null && range is not null)
            {
                weekly[(int)day.Value].Add(range.Value);
            }
        }

        var exceptions = new Dictionary<DateOnly, TimeRange[]>();
        foreach (var exception in schedule.Exceptions)
        {
            var date = ToDateOnly(exception.Date);
            if (date is null)
            {
                continue;
            }
            // "closed" wins over any hours listed with it; otherwise the listed hours replace the weekly ones.
            exceptions[date.Value] = exception.Closed
                ? Closed
                : exception.Hours.Select(h => TimeRange.Parse(h.OpensAt, h.ClosesAt))
                    .Where(r => r is not null).Select(r => r!.Value).ToArray();
        }

        return new CompiledSchedule(
            ToDateOnly(schedule.ValidFrom),
            ToDateOnly(schedule.ValidTo),
            weekly.Select(l => l.ToArray()).ToArray(),
            exceptions);
    }

    /// <summary>The hours on a local date: the exception's when there is one, else the weekly ones; empty when the
    /// schedule is not valid on that date.</summary>
    public TimeRange[] HoursOn(DateOnly date)
    {
        if ((_validFrom is { } from && date < from) || (_validTo is { } to && date > to))
        {
            return Closed;
        }
        return _exceptions.TryGetValue(date, out var replaced) ? replaced : _weekly[(int)date.DayOfWeek];
    }

    /// <summary>Whether the schedule is open at a local date and minute, counting hours that run past midnight.</summary>
    public bool IsOpen(DateOnly date, int minute)
    {
        foreach (var range in HoursOn(date))
        {
            if (range.CoversSameDay(minute))
            {
                return true;
            }
        }
        foreach (var range in HoursOn(date.AddDays(-1)))
        {
            if (range.CoversNextDay(minute))
            {
                return true;
            }
        }
        return false;
    }

    internal static DateOnly? ToDateOnly(Date? date)
    {
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return null;
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    private static System.DayOfWeek? ToSystemDay(V1.DayOfWeek day) => day switch
    {
        V1.DayOfWeek.Monday => System.DayOfWeek.Monday,
        V1.DayOfWeek.Tuesday => System.DayOfWeek.Tuesday,
        V1.DayOfWeek.Wednesday => System.DayOfWeek.Wednesday,
        V1.DayOfWeek.Thursday => System.DayOfWeek.Thursday,
        V1.DayOfWeek.Friday => System.DayOfWeek.Friday,
        V1.DayOfWeek.Saturday => System.DayOfWeek.Saturday,
        V1.DayOfWeek.Sunday => System.DayOfWeek.Sunday,
        _ => null,
    };
}
