using Microsoft.EntityFrameworkCore;

namespace OneStop.Appointments.Data;

/// <summary>One resource busy for [Start, End), buffers included.</summary>
public readonly record struct BusySpan(string ResourceId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Writes and frees allocation rows. Never checks for free time itself: it stages the rows, and the unique key
/// decides at SaveChanges. Callers run it inside their command's transaction.
/// </summary>
public static class Allocations
{
    /// <summary>
    /// Deletes the rows of <paramref name="resourceIds"/> that stopped blocking (expired holds, cancellations past
    /// their release delay), so that inserting over them succeeds. Runs as SQL inside the caller's transaction.
    /// </summary>
    public static Task<int> PurgeFreedAsync(this AppointmentsDbContext db, IReadOnlyCollection<string> resourceIds, DateTimeOffset now,
        CancellationToken ct)
    {
        var cutoff = now.UtcDateTime;
        return db.Allocations
            .Where(a => resourceIds.Contains(a.ResourceId) && a.FreedAt != null && a.FreedAt <= cutoff)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>Stages one row per resource and unit of <paramref name="spans"/> for a booking or a hold.</summary>
    public static void StageRows(this AppointmentsDbContext db, IEnumerable<BusySpan> spans, string? appointmentId, string? holdId,
        DateTimeOffset? freedAt)
    {
        foreach (var span in spans)
        {
            foreach (var unit in AllocationUnits.Covering(span.Start, span.End))
            {
                db.Allocations.Add(new AllocationRecord
                {
                    ResourceId = span.ResourceId,
                    Unit = unit,
                    AppointmentId = appointmentId,
                    HoldId = holdId,
                    FreedAt = freedAt?.UtcDateTime,
                });
            }
        }
    }

    /// <summary>Deletes an appointment's rows at once (reschedule, completion).</summary>
    public static Task<int> DeleteRowsOfAppointmentAsync(this AppointmentsDbContext db, string appointmentId, CancellationToken ct) =>
        db.Allocations.Where(a => a.AppointmentId == appointmentId).ExecuteDeleteAsync(ct);

    /// <summary>Deletes a hold's rows at once (it was consumed by a booking).</summary>
    public static Task<int> DeleteRowsOfHoldAsync(this AppointmentsDbContext db, string holdId, CancellationToken ct) =>
        db.Allocations.Where(a => a.HoldId == holdId).ExecuteDeleteAsync(ct);

    /// <summary>
    /// A cancelled appointment's rows keep blocking until <paramref name="releaseAt"/> (the anti-trading delay); a
    /// release time in the past frees them for the next writer's purge at once.
    /// </summary>
    public static Task<int> ReleaseRowsOfAppointmentAsync(this AppointmentsDbContext db, string appointmentId, DateTimeOffset releaseAt,
        CancellationToken ct)
    {
        var at = releaseAt.UtcDateTime;
        return db.Allocations.Where(a => a.AppointmentId == appointmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FreedAt, at), ct);
    }

    /// <summary>The rows that block at <paramref name="now"/> for these resources and units, for slot finding.</summary>
    public static IQueryable<AllocationRecord> Blocking(this AppointmentsDbContext db, IReadOnlyCollection<string> resourceIds,
        long fromUnit, long toUnit, DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        return db.Allocations.AsNoTracking().Where(a => resourceIds.Contains(a.ResourceId)
            && a.Unit >= fromUnit && a.Unit < toUnit && (a.FreedAt == null || a.FreedAt > at));
    }
}
