using OneStop.Referrals.Domain.Deadlines;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Referrals.Tests.Domain;

public sealed class WorkingDaysTests
{
    private static bool Nrw(DateOnly date) => PublicHolidays.IsHoliday("NW", date);

    [Theory]
    [InlineData("2026-06-03", 1, "2026-06-05")] // Fronleichnam (Thu 4 June) skipped in NRW
    [InlineData("2026-06-03", 3, "2026-06-09")]
    [InlineData("2026-10-30", 1, "2026-11-02")] // Friday → Monday (Allerheiligen 1 Nov is a Sunday)
    [InlineData("2026-12-23", 2, "2026-12-28")] // Christmas Friday 25 and the weekend
    [InlineData("2026-04-02", 1, "2026-04-07")] // Karfreitag and Ostermontag
    [InlineData("2026-06-03", 0, "2026-06-03")]
    public void Adds_working_days_of_nrw(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            WorkingDays.Add(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days, Nrw));
    }

    [Fact]
    public void Fronleichnam_is_a_working_day_in_lower_saxony_but_not_in_nrw()
    {
        var start = new DateOnly(2026, 6, 3);
        Assert.Equal(new DateOnly(2026, 6, 4), WorkingDays.Add(start, 1, d => PublicHolidays.IsHoliday("NI", d)));
        Assert.Equal(new DateOnly(2026, 6, 5), WorkingDays.Add(start, 1, Nrw));
    }

    [Theory]
    [InlineData("05554", "NW")]
    [InlineData("05554020", "NW")]
    [InlineData("09162", "BY")]
    [InlineData("11000", "BE")]
    [InlineData("17000", null)]
    [InlineData("", null)]
    public void The_land_comes_from_the_region_key(string ags, string? land) => Assert.Equal(land, LandOfRegion.Of(ags));
}
