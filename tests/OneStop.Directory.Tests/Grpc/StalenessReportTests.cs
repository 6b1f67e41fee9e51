using OneStop.TestSupport;
using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

public sealed class StalenessReportTests
{
    [Fact]
    public async Task Report_lists_each_stale_service_with_its_reasons()
    {
        // 2026-03-31 23:30 UTC is already 1 April in Berlin (CEST): funding ending 31 March has ended.
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero));
        await using var host = await DirectoryTestHost.StartAsync(clock);
        var admin = host.ClientFor(KreisAdmin);
        await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });

        var fresh = Service("svc-fresh", "org-a");
        fresh.AssuredDate = new Date { Year = 2025, Month = 6, Day = 1 };
        fresh.Schedules.Add(new Schedule { Weekly = { new OpeningHours { Day = V1.DayOfWeek.Monday, OpensAt = "09:00", ClosesAt = "12:00" } } });
        fresh.Funding.Add(new Funding { Source = "BAMF", EndsOn = new Date { Year = 2026, Month = 4, Day = 1 } });

        var stale = fresh.Clone();
        stale.Id = "svc-stale";
        stale.AssuredDate = new Date { Year = 2025, Month = 3, Day = 31 };
        stale.Funding.Add(new Funding { Source = "ESF Plus", EndsOn = new Date { Year = 2026, Month = 3, Day = 31 } });
        stale.Schedules.Clear();
        stale.Schedules.Add(new Schedule { AppointmentOnly = true });

        var neverAssured = Service("svc-never", "org-a");
        neverAssured.Schedules.Add(fresh.Schedules[0]);

        foreach (var service in new[] { fresh, stale, neverAssured })
            await admin.UpsertServiceAsync(new UpsertServiceRequest { Service = service });

        var report = await admin.GetStalenessReportAsync(new StalenessReportRequest());

        Assert.Equal(clock.Now, report.GeneratedAt.ToDateTimeOffset());
        Assert.Equal(["svc-never", "svc-stale"], report.Entries.Select(e => e.ServiceId));
        Assert.Equal(["assured_over_12_months"], report.Entries[0].Reasons);
        Assert.Equal(["assured_over_12_months", "funding_ended", "no_opening_hours"], report.Entries[1].Reasons);
        Assert.Equal("org-a", report.Entries[1].OrganizationId);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, async () => await host.Client().GetStalenessReportAsync(new StalenessReportRequest()));
    }
}
