using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.TestSupport;

/// <summary>
/// Two instances on one database: a watcher on the first instance gets the second instance's booking live (through
/// the change-log poll) and its own instance's next booking, each once. Shared by the SQLite and PostgreSQL runs.
/// </summary>
public static class TwoInstanceWatch
{
    /// <summary>Settings for both instances: a short poll so the test's bound stays small.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastPoll = new Dictionary<string, string?>
    {
        ["OneStop:Appointments:WatchPollInterval"] = "00:00:00.100",
    };

    public static async Task AnotherInstancesBookingReachesTheWatcherAsync(AppointmentsTestHost first, AppointmentsTestHost second)
    {
        await LoadAsync(first.ClientFor(Admin));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = first.ClientFor(AaSystem).WatchAppointments(new WatchAppointmentsRequest(), cancellationToken: timeout.Token);
        var existing = await first.ClientFor(Frontdesk).BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(6), "client-2i-0", AaCounsellor));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token)); // the stream is up: the first instance's own booking
        Assert.Equal(existing.Id, watch.ResponseStream.Current.Appointment.Id);

        var started = DateTimeOffset.UtcNow;
        var elsewhere = await second.ClientFor(Frontdesk).BookAppointmentAsync(Booking(AaType, Tuesday10, "client-2i-1", AaCounsellor));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(elsewhere, watch.ResponseStream.Current.Appointment);
        var delay = DateTimeOffset.UtcNow - started;
        Assert.True(delay < TimeSpan.FromSeconds(5), $"took {delay}");
        var elsewhereVersion = watch.ResponseStream.Current.Version;

        // Its own instance's next booking comes next, and the other instance's is not repeated by the poll.
        var here = await first.ClientFor(Frontdesk).BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(2), "client-2i-2", AaCounsellor));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(here, watch.ResponseStream.Current.Appointment);
        Assert.True(watch.ResponseStream.Current.Version > elsewhereVersion);
    }
}
