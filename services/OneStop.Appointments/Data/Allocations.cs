using Microsoft.EntityFrameworkCore;

namespace OneStop.Appointments.Data;

/// <summary>One resource busy for [Start, End), buffers included.</summary>
public readonly record struct BusySpan(string ResourceId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Writes and frees allocation rows. Whatever is read first is a shortcut; the unique key decides at SaveChanges.
/// Callers run it inside their command's transaction.
/// </summary>
public static class Allocations
{
    private sealed record PresentRow(string ResourceId, long Unit, DateTime? FreedAt);

    // Compiled once per model (CompiledPerModel): every hold, booking and reschedule runs it (see TakeAsync).
    private static readonly CompiledPerModel<Func<AppointmentsDbContext, List<string>, long, long, IAsyncEnumerable<PresentRow>>> PresentQuery = new(() =>
        EF.CompileAsyncQuery((AppointmentsDbContext db, List<string> resourceIds, long fromUnit, long toUnit) =>
            db.Allocations.AsNoTracking()
                .Where(a => resourceIds.Contains(a.ResourceId) && a.Unit >= fromUnit && a.Unit < toUnit)
                .Select(a => new PresentRow(a.ResourceId, a.Unit, a.FreedAt))));

    /// <summary>
    /// Takes the units of <paramref name="spans"/> for a booking or a hold, inside the caller's transaction:
    /// <list type="number">
    /// <item>reads the rows already in those units (one statement);</item>
    /// <item>if any still blocks, refuses at once with <see cref="WriteConflictException"/>: the fast path for the
    /// common refusal, which spares the database a failing INSERT and EF its exception;</item>
    /// <item>deletes rows there that stopped blocking (expired holds, cancellations past their release delay), only
    /// when there are any, so inserting over them succeeds;</item>
    /// <item>stages one row per resource and unit; the unique key decides at SaveChanges.</item>
    /// </list>
    /// The read is only a shortcut: a writer that commits between it and SaveChanges (another process, or a
    /// connection outside the write gate) is still refused by the primary key, which stays the final arbiter.
    /// Freed rows outside the spans are left; they block nobody and go when their units are next taken.
    /// </summary>
    public static async Task TakeAsync(this AppointmentsDbContext db, IReadOnlyList<BusySpan> spans, string? appointmentId, string? holdId,
        DateTimeOffset? freedAt, DateTimeOffset now, CancellationToken ct)
    {
        if (spans.Count == 0) return;
        var units = spans.ToDictionary(s => s.ResourceId, s => AllocationUnits.Covering(s.Start, s.End).ToHashSet());
        var resourceIds = units.Keys.ToList();
        var fromUnit = units.Values.SelectMany(u => u).Min();
        var toUnit = units.Values.SelectMany(u => u).Max() + 1;
        var cutoff = now.UtcDateTime;

        var present = new List<PresentRow>();
        await foreach (var row in PresentQuery.For(db)(db, resourceIds, fromUnit, toUnit).WithCancellation(ct)) present.Add(row);
        var inSpans = present.Where(a => units.TryGetValue(a.ResourceId, out var taken) && taken.Contains(a.Unit)).ToList();
        if (inSpans.Any(a => a.FreedAt is null || a.FreedAt > cutoff))
            throw new WriteConflictException(WriteConflictException.SlotTaken);
        if (inSpans.Count > 0)
        {
            await db.Allocations
                .Where(a => resourceIds.Contains(a.ResourceId) && a.Unit >= fromUnit && a.Unit < toUnit && a.FreedAt != null && a.FreedAt <= cutoff)
                .ExecuteDeleteAsync(ct);
        }

        foreach (var span in spans)
        {
            foreach (var unit in units[span.ResourceId])
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
