using OneStop.Directory.Domain;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Domain;

public sealed class StalenessRulesTests
{
    [Theory]
    [InlineData("2026-06-15T21:59:00Z", false)] // 23:59 CEST on the 15th: the funding's last day is still today
    [InlineData("2026-06-15T22:00:00Z", true)]  // midnight CEST: the 16th in the county, though still the 15th in UTC
    public void Today_is_the_Berlin_calendar_day(string utc, bool ended)
    {
        var service = new Service
        {
            Id = "svc-1",
            AssuredDate = new Date { Year = 2026, Month = 6, Day = 1 },
            Funding = { new Funding { Source = "ESF Plus", EndsOn = new Date { Year = 2026, Month = 6, Day = 15 } } },
            Schedules = { new Schedule { Weekly = { new OpeningHours { Day = V1.DayOfWeek.Friday, OpensAt = "08:00", ClosesAt = "12:00" } } } },
        };

        var report = StalenessRules.Report([service], DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        string[] expected = ended ? [StalenessRules.FundingEnded] : [];
        Assert.Equal(expected, report.Entries.SelectMany(e => e.Reasons));
    }

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
