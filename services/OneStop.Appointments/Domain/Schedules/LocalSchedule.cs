namespace OneStop.Appointments.Domain;

/// <summary>
/// One resource's schedule in Europe/Berlin wall-clock terms, as the domain uses it (the contract's
/// ResourceSchedule, parsed; see <see cref="ScheduleReader"/>). Which rule decides a local date, strongest first:
/// <list type="number">
/// <item>a closure: closed;</item>
/// <item>a date override: exactly its windows (none = closed), even on a public holiday, since an override is an
/// explicit decision about that one date;</item>
/// <item>a public holiday of <see cref="HolidayLand"/>: closed;</item>
/// <item>otherwise the weekly windows of that weekday.</item>
/// </list>
/// </summary>
public sealed class LocalSchedule
{
    private readonly IReadOnlyList<LocalTimeWindow>[] _weeklyByDay;

    public LocalSchedule(
        IEnumerable<WeeklyLocalWindow> weekly,
        IReadOnlyDictionary<DateOnly, IReadOnlyList<LocalTimeWindow>>? overrides = null,
        IEnumerable<DateOnly>? closures = null,
        string holidayLand = "",
        ResourceBuffers buffers = default)
    {
        Weekly = [.. weekly];
        Overrides = overrides ?? new Dictionary<DateOnly, IReadOnlyList<LocalTimeWindow>>();
        Closures = new HashSet<DateOnly>(closures ?? []);
        HolidayLand = holidayLand;
        Buffers = buffers;
        _weeklyByDay = new IReadOnlyList<LocalTimeWindow>[7];
        for (var day = 0; day < 7; day++)
        {
            _weeklyByDay[day] = [.. Weekly.Where(w => (int)w.Day == day).Select(w => w.Window).OrderBy(w => w.Start)];
        }
    }

    public IReadOnlyList<WeeklyLocalWindow> Weekly { get; }

    /// <summary>Windows that replace the weekly ones on a local date; an empty list means closed that day.</summary>
    public IReadOnlyDictionary<DateOnly, IReadOnlyList<LocalTimeWindow>> Overrides { get; }

    public IReadOnlySet<DateOnly> Closures { get; }

    /// <summary>A Land code such as "NW" whose public holidays close this resource; empty: none.</summary>
    public string HolidayLand { get; }

    public ResourceBuffers Buffers { get; }

    /// <summary>The local windows that apply on one date, after closures, overrides and holidays.</summary>
    public IReadOnlyList<LocalTimeWindow> WindowsOn(DateOnly date, IReadOnlySet<DateOnly> holidays)
    {
        if (Closures.Contains(date))
        {
            return [];
        }
        if (Overrides.TryGetValue(date, out var replaced))
        {
            return replaced;
        }
        return holidays.Contains(date) ? [] : _weeklyByDay[(int)date.DayOfWeek];
    }
}
