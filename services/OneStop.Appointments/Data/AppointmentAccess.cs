using Microsoft.EntityFrameworkCore;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>Loads an appointment the caller's region owns; anything else is NOT_FOUND, so ids do not leak across regions.</summary>
public static class AppointmentAccess
{
    public static async Task<AppointmentRecord> LoadForUpdateAsync(AppointmentsDbContext db, string appointmentId, CallerIdentity caller,
        CancellationToken ct) =>
        await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.RegionAgs == caller.RegionAgs, ct)
        ?? throw new RecordNotFoundException($"appointment '{appointmentId}' does not exist.");
}
