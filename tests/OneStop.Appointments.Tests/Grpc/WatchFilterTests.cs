using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>WatchAppointments for one agency, and resuming from the last version seen.</summary>
public sealed class WatchFilterTests
{
    [Fact]
    public async Task A_watch_for_one_organization_skips_the_others_and_resumes_after_the_last_version()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-wf-1", AaCounsellor));
        var abh = await client.BookAppointmentAsync(Booking(AbhType, Tuesday10, "client-wf-2", AbhCounsellor));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        AppointmentChange first;
        using (var watch = client.WatchAppointments(new WatchAppointmentsRequest { OrganizationId = Abh }, cancellationToken: timeout.Token))
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            first = watch.ResponseStream.Current;
            Assert.Equal(abh, first.Appointment); // the AA booking before it is not shown

            await client.BookAppointmentAsync(Booking(AaType, Tuesday10.AddHours(2), "client-wf-3", AaCounsellor));
            var cancelled = await client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = abh.Id, Reason = "Klient verhindert" });
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal(cancelled, watch.ResponseStream.Current.Appointment);
        }

        // Resuming after the first version replays only what came later.
        using var resumed = client.WatchAppointments(new WatchAppointmentsRequest { OrganizationId = Abh, FromVersion = first.Version }, cancellationToken: timeout.Token);
        Assert.True(await resumed.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(AppointmentStatus.Cancelled, resumed.ResponseStream.Current.Appointment.Status);
        Assert.True(resumed.ResponseStream.Current.Version > first.Version);
    }
}
