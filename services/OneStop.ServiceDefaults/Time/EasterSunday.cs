namespace OneStop.ServiceDefaults.Time;

/// <summary>
/// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian computus (Meeus/Jones/Butcher): the first
/// Sunday after the ecclesiastical full moon on or after 21 March. Integer arithmetic only, valid from 1583 on.
/// </summary>
public static class EasterSunday
{
    public static DateOnly In(int year)
    {
        if (year < 1583)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "the Gregorian computus starts in 1583");
        }
        var goldenNumber = year % 19;                  // position in the 19-year Metonic cycle
        var century = year / 100;
        var yearOfCentury = year % 100;
        var skippedLeapDays = century / 4;
        var centuryRemainder = century % 4;
        var moonCorrection = (century + 8) / 25;
        var solarCorrection = (century - moonCorrection + 1) / 3;
        // Days from 21 March to the paschal full moon.
        var epact = ((19 * goldenNumber) + century - skippedLeapDays - solarCorrection + 15) % 30;
        var leapYearsInCentury = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        // Days from the full moon to the following Sunday.
        var toSunday = (32 + (2 * centuryRemainder) + (2 * leapYearsInCentury) - epact - yearRemainder) % 7;
        var lateCorrection = (goldenNumber + (11 * epact) + (22 * toSunday)) / 451;
        var monthAndDay = epact + toSunday - (7 * lateCorrection) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
