namespace OneStop.Referrals.Domain.Deadlines;

/// <summary>
/// Counting working days (Monday to Friday, not a public holiday of the Land) in Europe/Berlin local dates.
/// A deadline of N working days from a moment ends at the end (local midnight) of the N-th working day after the
/// moment's local date, so a referral sent on Friday afternoon with one day is due at the end of Monday.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date, Func<DateOnly, bool> isHoliday) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isHoliday(date);

    /// <summary>The N-th working day after <paramref name="start"/> (not counting <paramref name="start"/> itself).</summary>
    public static DateOnly Add(DateOnly start, int workingDays, Func<DateOnly, bool> isHoliday)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        // Bounded: every week has five weekdays and no Land has more than a few holidays in one week.
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, isHoliday)) counted++;
        }
        return date;
    }
}
