using OneStop.Directory.Domain;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Domain;

public sealed class StalenessRulesTests
{
    [Theory]
    [InlineData("2026-06-15T21:59:00Z", "2026-06-15")] // 23:59 CEST
    [InlineData("2026-06-15T22:00:00Z", "2026-06-16")] // midnight CEST
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")] // midnight CET
    public void Today_is_the_Berlin_calendar_day(string utc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            StalenessRules.TodayInBerlin(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Assured_exactly_twelve_months_ago_is_still_fresh()
    {
        var service = new Service
        {
            AssuredDate = new Date { Year = 2025, Month = 4, Day = 1 },
            Schedules = { new Schedule { Weekly = { new OpeningHours { Day = V1.DayOfWeek.Friday, OpensAt = "08:00", ClosesAt = "12:00" } } } },
        };
        Assert.Empty(StalenessRules.Reasons(service, new DateOnly(2026, 4, 1)));
        Assert.Equal([StalenessRules.AssuredOver12Months], StalenessRules.Reasons(service, new DateOnly(2026, 4, 2)));
    }
}
