using OneStop.ServiceDefaults.Time;

namespace OneStop.ServiceDefaults.Tests.Time;

public sealed class PublicHolidaysTests
{
    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)] // earliest possible date
    [InlineData(1943, 4, 25)] // latest possible date
    public void Easter_sunday_matches_known_dates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), EasterSunday.In(year));
    }

    [Fact]
    public void Nationwide_easter_based_holidays_of_2026()
    {
        var names = PublicHolidays.For("HH", 2026).ToDictionary(h => h.Name, h => h.Date);

        Assert.Equal(new DateOnly(2026, 4, 3), names["Karfreitag"]);
        Assert.Equal(new DateOnly(2026, 4, 6), names["Ostermontag"]);
        Assert.Equal(new DateOnly(2026, 5, 14), names["Christi Himmelfahrt"]);
        Assert.Equal(new DateOnly(2026, 5, 25), names["Pfingstmontag"]);
    }

    [Fact]
    public void Fronleichnam_2026_is_a_holiday_in_NW_but_not_in_NI()
    {
        var corpusChristi = new DateOnly(2026, 6, 4);

        Assert.True(PublicHolidays.IsHoliday("NW", corpusChristi));
        Assert.False(PublicHolidays.IsHoliday("NI", corpusChristi));
    }

    [Theory]
    [InlineData("NW", 2026, 11, 1, true)]   // Allerheiligen
    [InlineData("BE", 2026, 11, 1, false)]
    [InlineData("BE", 2026, 3, 8, true)]    // Frauentag
    [InlineData("BY", 2026, 3, 8, false)]
    [InlineData("BY", 2026, 1, 6, true)]    // Heilige Drei Könige
    [InlineData("SN", 2026, 11, 18, true)]  // Buß- und Bettag: Wednesday before 23 November
    [InlineData("SN", 2026, 10, 31, true)]  // Reformationstag
    [InlineData("NI", 2026, 10, 31, true)]  // Reformationstag since 2018
    [InlineData("NW", 2026, 10, 31, false)]
    [InlineData("TH", 2026, 9, 20, true)]   // Weltkindertag
    [InlineData("SL", 2026, 8, 15, true)]   // Mariä Himmelfahrt
    [InlineData("BY", 2026, 8, 15, false)]  // only in some communities: not Land-wide
    [InlineData("MV", 2026, 3, 8, true)]    // Frauentag since 2023
    [InlineData("MV", 2022, 3, 8, false)]
    public void Land_specific_holidays(string land, int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, PublicHolidays.IsHoliday(land, new DateOnly(year, month, day)));
    }

    [Fact]
    public void Every_land_has_the_nine_nationwide_holidays()
    {
        foreach (var land in PublicHolidays.Lands)
        {
            Assert.True(PublicHolidays.For(land, 2026).Count >= 9, land);
            Assert.True(PublicHolidays.IsHoliday(land, new DateOnly(2026, 10, 3)), land);
        }
    }

    [Fact]
    public void Empty_land_means_no_holidays_and_an_unknown_land_is_invalid()
    {
        Assert.Empty(PublicHolidays.For("", 2026));
        var error = Assert.Throws<ArgumentException>(() => PublicHolidays.For("XX", 2026));
        Assert.Equal("holiday_land", error.ParamName);
    }
}
