using System.Globalization;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Gateway.Web.Calls;

/// <summary>A consent's "valid until" as staff enter it: a day, meant up to its end in Europe/Berlin.</summary>
public static class ConsentDates
{
    /// <summary>The longest validity the form accepts; a consent is asked for again after that.</summary>
    public const int MaxYears = 5;

    /// <summary>The instant the day after <paramref name="value"/> starts in Berlin, or null for no date, a past day or today.</summary>
    public static DateTimeOffset? EndOfDay(string? value, TimeProvider clock)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        var today = BerlinTime.Today(clock);
        if (day <= today || day > today.AddYears(MaxYears)) return null;
        return BerlinTime.StartOfDay(day.AddDays(1));
    }
}
