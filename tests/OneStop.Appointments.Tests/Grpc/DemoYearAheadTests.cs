using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Appointments.Data.Seed;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.ServiceDefaults.Time;
using static OneStop.Appointments.Data.Seed.DemoDirectoryIds;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// One demo type reaches a full year (issue 17, item 24), so the demo can show the next change of Berlin's offset:
/// the same 08:30 office-hours slot is offered on the last working day before and the first after, an hour apart in UTC.
/// </summary>
public sealed class DemoYearAheadTests
{
    private static readonly CallerIdentity Desk = new("frontdesk-ip", IntegrationPoint, KreisAgs, new HashSet<string> { OneStopRoles.Frontdesk });

    [Theory]
    // Now in January; summer time starts on Sunday 2027-03-28, Easter: Good Friday and Easter Monday are NW holidays,
    // so the Thursday before (08:30 is 07:30Z) and the Tuesday after (08:30 is 06:30Z).
    [InlineData("2027-01-11T06:00:00Z", "2027-03-25T07:30:00Z", "2027-03-30T06:30:00Z")]
    // Now in June; summer time ends on Sunday 2027-10-31; Monday is All Saints' Day (NW), so Friday 29th at 08:30
    // (06:30Z) and Tuesday 2nd (07:30Z).
    [InlineData("2027-06-07T06:00:00Z", "2027-10-29T06:30:00Z", "2027-11-02T07:30:00Z")]
    public async Task The_year_ahead_type_offers_the_same_local_time_on_both_sides_of_the_dst_change(string now, string friday, string monday)
    {
        var clock = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        var before = DateTimeOffset.Parse(friday, System.Globalization.CultureInfo.InvariantCulture);
        var after = DateTimeOffset.Parse(monday, System.Globalization.CultureInfo.InvariantCulture);
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(clock));
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var client = host.ClientFor(Desk);

        var found = await client.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = DemoCalendars.RecognitionYearAhead,
            RangeStart = Timestamp.FromDateTimeOffset(new DateTimeOffset(before.UtcDateTime.Date, TimeSpan.Zero)), // that day, 00:00Z
            RangeEnd = Timestamp.FromDateTimeOffset(after.AddHours(1)),
            MaxResults = 100,
        });

        var starts = found.Slots.Select(s => s.Start.ToDateTimeOffset()).ToList();
        Assert.Contains(before, starts);
        Assert.Contains(after, starts);
        Assert.Equal(new TimeOnly(8, 30), TimeOnly.FromDateTime(BerlinTime.ToLocal(before)));
        Assert.Equal(new TimeOnly(8, 30), TimeOnly.FromDateTime(BerlinTime.ToLocal(after)));
        // Nothing at the weekend, and the first slot of each day is at 08:30 local.
        Assert.All(starts, s => Assert.True(BerlinTime.ToLocal(s).TimeOfDay >= new TimeSpan(8, 30, 0), s.ToString("O")));
        var booked = await client.BookAppointmentAsync(new BookAppointmentRequest
        {
            AppointmentTypeId = DemoCalendars.RecognitionYearAhead, ClientId = "client-dst-1", Slot = found.Slots.First(s => s.Start.ToDateTimeOffset() == after),
        });
        Assert.Equal(after.AddHours(1), booked.End.ToDateTimeOffset());
    }
}
