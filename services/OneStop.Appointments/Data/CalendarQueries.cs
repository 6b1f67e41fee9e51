using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

/// <summary>GetIcs (the domain's <see cref="IcsCalendar"/>).</summary>
public sealed class CalendarQueries(TimeProvider clock)
{
    public Task<string> IcsAsync(Appointment appointment, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(IcsCalendar.Write(appointment, clock.GetUtcNow()));
    }
}
