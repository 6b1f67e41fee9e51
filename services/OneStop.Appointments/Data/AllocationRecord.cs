namespace OneStop.Appointments.Data;

/// <summary>
/// One resource busy for one time unit. The primary key (ResourceId, Unit) is the double-booking guard: two
/// bookings or holds of the same resource in the same unit cannot both commit, whatever the application checked
/// before. Exactly one of <see cref="AppointmentId"/> and <see cref="HoldId"/> is set.
/// </summary>
public sealed class AllocationRecord
{
    public string ResourceId { get; set; } = "";

    /// <summary>The unit's index: UTC seconds since the Unix epoch divided by <see cref="AllocationUnits.Seconds"/>.</summary>
    public long Unit { get; set; }

    public string? AppointmentId { get; set; }
    public string? HoldId { get; set; }

    /// <summary>
    /// UTC instant from which this row no longer blocks: a hold's expiry, or a cancelled booking's release time.
    /// Null for a live booking. Rows past it are deleted inside the next writer's transaction, so the check that
    /// frees them stays in the database.
    /// </summary>
    public DateTime? FreedAt { get; set; }
}
