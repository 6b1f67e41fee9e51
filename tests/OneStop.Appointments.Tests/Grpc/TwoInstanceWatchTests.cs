using OneStop.Appointments.Tests.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>WatchAppointments across two instances sharing one SQLite file.</summary>
public sealed class TwoInstanceWatchTests
{
    [Fact]
    public async Task A_booking_on_another_instance_reaches_live_watchers_within_the_poll_interval()
    {
        var dataDirectory = AppointmentsTestHost.NewDataDirectory();
        await using var first = await AppointmentsTestHost.StartAsync(new ManualClock(Now), dataDirectory: dataDirectory, settings: TwoInstanceWatch.FastPoll);
        await using var second = await AppointmentsTestHost.StartAsync(new ManualClock(Now), dataDirectory: dataDirectory, settings: TwoInstanceWatch.FastPoll);
        await TwoInstanceWatch.AnotherInstancesBookingReachesTheWatcherAsync(first, second);
    }
}
