using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// Answers "is this service open at this instant?" from its schedules, which are written in Europe/Berlin local time.
/// The instant is converted to local time first (<see cref="BerlinTime"/>), so the answer is right on both sides of a DST change: 09:00 local is
/// 08:00 UTC in winter and 07:00 UTC in summer. Any one open schedule makes the service open.
/// (Named ...Evaluator because the contract already has an OpeningHours message.)
/// </summary>
public static class OpeningHoursEvaluator
{
    /// <summary>Whether any of <paramref name="schedules"/> is open at <paramref name="instant"/>.</summary>
    public static bool IsOpen(IEnumerable<Schedule> schedules, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var compiled = schedules.Select(CompiledSchedule.Compile).ToArray();
        return IsOpen(compiled, ToLocal(instant));
    }

    internal static LocalMinute ToLocal(DateTimeOffset instant)
    {
        var local = BerlinTime.ToLocal(instant);
        return new LocalMinute(DateOnly.FromDateTime(local), local.Hour * 60 + local.Minute);
    }

    internal static bool IsOpen(CompiledSchedule[] schedules, LocalMinute at)
    {
        foreach (var schedule in schedules)
        {
            if (schedule.IsOpen(at.Date, at.Minute))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>A local calendar date and the minute of that day.</summary>
internal readonly record struct LocalMinute(DateOnly Date, int Minute);
