using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Tests.TestSupport;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Concurrency;

public sealed class SameSlotRaceTests
{
    [Fact]
    public async Task Two_hundred_concurrent_bookings_of_one_slot_give_exactly_one_appointment()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var attempts = Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                await client.BookAppointmentAsync(Booking(AaType, Tuesday10, $"client-{i:D4}", AaCounsellor), cancellationToken: timeout.Token);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.True(o is StatusCode.Aborted or StatusCode.AlreadyExists, o.ToString()));
        Assert.Equal(1, await host.QueryAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(12, await host.QueryAsync(db => db.Allocations.CountAsync())); // one hour in 5-minute units
    }
}
