using Grpc.Core;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>GetIcs (the domain's <see cref="IcsCalendar"/>) and GetStats.</summary>
public sealed class CalendarQueries(TimeProvider clock)
{
    public Task<string> IcsAsync(Appointment appointment, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(IcsCalendar.Write(appointment, clock.GetUtcNow()));
    }

    /// <summary>
    /// Not wired yet: AppointmentStatistics needs when the first slot was offered per request, which FindJointSlots
    /// does not record yet. UNIMPLEMENTED rather than a figure without its first half.
    /// </summary>
    public Task<StatsResponse> StatsAsync(DateTimeOffset from, DateTimeOffset to, CallerIdentity caller, CancellationToken ct)
    {
        _ = (from, to, caller);
        ct.ThrowIfCancellationRequested();
        throw new RpcException(new Status(StatusCode.Unimplemented, "GetStats is not wired to AppointmentStatistics yet."));
    }
}
