using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Search;

/// <summary>open_at through the index: the Integration Point opens Mon–Fri 08:30–12:30 Europe/Berlin local time.</summary>
public class OpenAtTests
{
    [Theory]
    [InlineData(2026, 3, 27, 7, 45, true)]   // Friday before the spring change: 08:45 CET
    [InlineData(2026, 3, 27, 7, 15, false)]  // 08:15 CET
    [InlineData(2026, 3, 30, 6, 45, true)]   // Monday after it: 08:45 CEST (UTC+2)
    [InlineData(2026, 3, 30, 6, 15, false)]  // 08:15 CEST
    [InlineData(2026, 3, 30, 10, 45, false)] // 12:45 CEST
    [InlineData(2026, 10, 23, 6, 45, true)]  // Friday before the autumn change: 08:45 CEST
    [InlineData(2026, 10, 26, 7, 45, true)]  // Monday after it: 08:45 CET (UTC+1)
    [InlineData(2026, 10, 26, 7, 15, false)] // 08:15 CET, though 08:15 UTC+2 would have been open
    [InlineData(2026, 12, 24, 8, 0, false)]  // Thursday, Christmas Eve: holiday exception
    [InlineData(2026, 11, 11, 8, 30, true)]  // Wednesday with replaced hours 08:30–10:00: 09:30 CET
    [InlineData(2026, 11, 11, 9, 30, false)] // 10:30 CET, after the replaced closing time
    public void Integration_Point_open_at(int year, int month, int day, int hourUtc, int minuteUtc, bool open)
    {
        var ids = DemoSearch.Ids(new SearchServicesRequest { OpenAt = DemoSearch.Utc(year, month, day, hourUtc, minuteUtc) });

        Assert.Equal(open, ids.Contains("svc-ip-erstberatung"));
    }

    [Fact]
    public void Services_without_schedules_are_never_open()
    {
        var ids = DemoSearch.Ids(new SearchServicesRequest { OpenAt = DemoSearch.Utc(2026, 3, 30, 8, 0), IncludeInactive = true });

        Assert.DoesNotContain("svc-ikv-frauentreff", ids);
    }
}
