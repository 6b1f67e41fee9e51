using Grpc.Core;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.TestSupport;

/// <summary>Many callers booking the same slot (the AA type, Tuesday 10:00) at once, and the one-winner check.</summary>
internal static class SlotRace
{
    /// <summary>Starts every attempt before awaiting any; attempt i goes through clients[i % clients.Count].</summary>
    public static async Task<StatusCode[]> BookSameSlotAsync(IReadOnlyList<AppointmentsService.AppointmentsServiceClient> clients, int attempts)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var calls = Enumerable.Range(0, attempts).Select(async i =>
        {
            try
            {
                await clients[i % clients.Count].BookAppointmentAsync(Booking(AaType, Tuesday10, $"race-{i:D4}", AaCounsellor), cancellationToken: timeout.Token);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        });
        return await Task.WhenAll(calls);
    }

    public static void AssertExactlyOneWon(StatusCode[] outcomes)
    {
        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.True(o is StatusCode.Aborted or StatusCode.AlreadyExists, o.ToString()));
    }
}
