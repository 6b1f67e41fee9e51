namespace OneStop.ServiceDefaults.Time;

/// <summary>A statutory public holiday on a date, with its German name.</summary>
public readonly record struct PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// Statutory public holidays of the 16 German Länder (codes as in ISO 3166-2:DE without "DE-": BW, BY, BE, BB, HB,
/// HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH).
/// <para>
/// Only holidays that apply to a whole Land are listed. Holidays of single communities or parts of a Land are left
/// out because a Land code cannot say whether a resource is there: Mariä Himmelfahrt in Catholic Bavarian
/// communities, Fronleichnam in parts of Saxony and Thuringia, the Augsburger Friedensfest. Resources in such places
/// add those days as closures.
/// </para>
/// <para>
/// Shared by the appointments service (schedules) and the referrals service (answer deadlines in working days). Kept
/// by hand rather than the PublicHoliday package, which lists some days Land-wide that are not (docs/dependencies.md).
/// </para>
/// </summary>
public static class PublicHolidays
{
    /// <summary>The Land codes <see cref="For"/> knows.</summary>
    public static readonly IReadOnlyList<string> Lands =
        ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];

    /// <summary>The first year whose rules are encoded here (Buß- und Bettag became Saxony-only in 1995).</summary>
    public const int FirstSupportedYear = 1995;

    public static bool IsKnownLand(string land) => Lands.Contains(land);

    /// <summary>
    /// The public holidays of a Land in a year, sorted by date. An empty Land means "no holidays apply" (the
    /// schedule's holiday_land is optional); an unknown Land or an unsupported year is an ArgumentException whose
    /// ParamName is "holiday_land" or "year" (services turn it into INVALID_ARGUMENT naming that field).
    /// </summary>
    public static IReadOnlyList<PublicHoliday> For(string land, int year)
    {
        if (string.IsNullOrEmpty(land))
        {
            return [];
        }
        if (!IsKnownLand(land))
        {
            throw new ArgumentException($"unknown Land \"{land}\"; expected one of {string.Join(", ", Lands)}", "holiday_land");
        }
        if (year < FirstSupportedYear || year > 9999)
        {
            throw new ArgumentException($"holidays are known from {FirstSupportedYear} on, got {year}", "year");
        }

        var easter = EasterSunday.In(year);
        var days = new List<PublicHoliday>
        {
            // Nationwide (federal law sets only 3 October; the rest are in every Land's holiday law).
            new(new DateOnly(year, 1, 1), "Neujahr"),
            new(easter.AddDays(-2), "Karfreitag"),
            new(easter.AddDays(1), "Ostermontag"),
            new(new DateOnly(year, 5, 1), "Tag der Arbeit"),
            new(easter.AddDays(39), "Christi Himmelfahrt"),
            new(easter.AddDays(50), "Pfingstmontag"),
            new(new DateOnly(year, 10, 3), "Tag der Deutschen Einheit"),
            new(new DateOnly(year, 12, 25), "1. Weihnachtstag"),
            new(new DateOnly(year, 12, 26), "2. Weihnachtstag"),
        };

        void AddIf(bool applies, DateOnly date, string name)
        {
            if (applies)
            {
                days.Add(new PublicHoliday(date, name));
            }
        }

        AddIf(land is "BW" or "BY" or "ST", new DateOnly(year, 1, 6), "Heilige Drei Könige");
        AddIf((land == "BE" && year >= 2019) || (land == "MV" && year >= 2023), new DateOnly(year, 3, 8), "Internationaler Frauentag");
        // Brandenburg's law names Easter and Whit Sunday too; they matter for resources that work on Sundays.
        AddIf(land == "BB", easter, "Ostersonntag");
        AddIf(land == "BB", easter.AddDays(49), "Pfingstsonntag");
        AddIf(land is "BW" or "BY" or "HE" or "NW" or "RP" or "SL", easter.AddDays(60), "Fronleichnam");
        AddIf(land == "SL", new DateOnly(year, 8, 15), "Mariä Himmelfahrt");
        AddIf(land == "TH" && year >= 2019, new DateOnly(year, 9, 20), "Weltkindertag");
        AddIf(IsReformationDay(land, year), new DateOnly(year, 10, 31), "Reformationstag");
        AddIf(land is "BW" or "BY" or "NW" or "RP" or "SL", new DateOnly(year, 11, 1), "Allerheiligen");
        AddIf(land == "SN", RepentanceDay(year), "Buß- und Bettag");
        // One-off holidays set by law for a single year.
        AddIf(land == "BE" && year is 2020 or 2025, new DateOnly(year, 5, 8), "Tag der Befreiung");

        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>True when the local date is a public holiday in the Land (false for an empty Land).</summary>
    public static bool IsHoliday(string land, DateOnly date) => For(land, date.Year).Any(h => h.Date == date);

    private static bool IsReformationDay(string land, int year) =>
        land is "BB" or "MV" or "SN" or "ST" or "TH"
        || (year >= 2018 && land is "HB" or "HH" or "NI" or "SH")
        || year == 2017; // the 500th anniversary was a holiday in every Land

    /// <summary>The Wednesday before 23 November (the last Sunday before Advent minus four days).</summary>
    private static DateOnly RepentanceDay(int year)
    {
        var date = new DateOnly(year, 11, 22);
        while (date.DayOfWeek != DayOfWeek.Wednesday)
        {
            date = date.AddDays(-1);
        }
        return date;
    }
}
