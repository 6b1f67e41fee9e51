using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Appointments.Data;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// The change-log poll behind cross-instance watching: it publishes what it has not read yet, once, and a version
/// that commits after a higher one (an identity taken earlier, committed later) still gets through.
/// </summary>
public sealed class ChangeLogPollerTests
{
    [Fact]
    public async Task A_version_committed_after_a_higher_one_is_published_late_and_nothing_twice()
    {
        // The background loop is off; the test drives the rounds.
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: new Dictionary<string, string?>
        {
            ["OneStop:Appointments:WatchPollInterval"] = "00:00:00",
        });
        var poller = host.Services.GetRequiredService<ChangeLogPoller>();
        using var live = host.Services.GetRequiredService<AppointmentFeed>().Subscribe();
        Assert.Equal(0, await poller.PollAsync(CancellationToken.None)); // starts at the present (an empty log)

        await InsertChangeAsync(host, version: 2);
        Assert.Equal(1, await poller.PollAsync(CancellationToken.None));
        await InsertChangeAsync(host, version: 1); // the gap below 2 fills
        await InsertChangeAsync(host, version: 3);
        Assert.Equal(2, await poller.PollAsync(CancellationToken.None));
        Assert.Equal(0, await poller.PollAsync(CancellationToken.None));

        var published = new List<long>();
        while (live.Reader.TryRead(out var change)) published.Add(change.Version);
        Assert.Equal([2, 1, 3], published);
    }

    private static Task<int> InsertChangeAsync(AppointmentsTestHost host, long version) => host.QueryAsync(db =>
    {
        var appointment = new Appointment { Id = $"apt-{version}", RegionAgs = Region, Status = AppointmentStatus.Booked };
        db.Changes.Add(new ChangeRecord
        {
            Version = version, AppointmentId = appointment.Id, RegionAgs = Region, ChangedAt = Now.UtcDateTime, Payload = appointment.ToByteArray(),
        });
        return db.SaveChangesAsync();
    });
}
