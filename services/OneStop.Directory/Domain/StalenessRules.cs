using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Directory.Domain;

/// <summary>
/// Which services need a look from their owners, and why. "Today" is the calendar day in Europe/Berlin: funding
/// that ends on the 31st is still running on the 31st in the county, whatever the UTC date is.
/// </summary>
public static class StalenessRules
{
    public const string AssuredOver12Months = "assured_over_12_months";
    public const string FundingEnded = "funding_ended";
    public const string NoOpeningHours = "no_opening_hours";

    public static IReadOnlyList<string> Reasons(Service service, DateOnly today)
    {
        var reasons = new List<string>();
        if (ToDate(service.AssuredDate) is not { } assured || assured < today.AddMonths(-12)) reasons.Add(AssuredOver12Months);
        if (service.Funding.Any(f => ToDate(f.EndsOn) is { } ends && ends < today)) reasons.Add(FundingEnded);
        if (!service.Schedules.Any(s => s.Weekly.Count > 0)) reasons.Add(NoOpeningHours);
        return reasons;
    }

    public static StalenessReport Report(IEnumerable<Service> services, DateTimeOffset now)
    {
        var today = BerlinTime.LocalDate(now);
        var report = new StalenessReport { GeneratedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now) };
        foreach (var service in services.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var reasons = Reasons(service, today);
            if (reasons.Count == 0) continue;
            report.Entries.Add(new StaleEntry
            {
                ServiceId = service.Id,
                Name = service.Name,
                OrganizationId = service.OrganizationId,
                Reasons = { reasons },
            });
        }
        return report;
    }

    private static DateOnly? ToDate(Date? d) =>
        d is null || d.Year == 0 ? null : new DateOnly(d.Year, d.Month, d.Day);
}
