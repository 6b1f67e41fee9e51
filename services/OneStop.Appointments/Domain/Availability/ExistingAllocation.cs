namespace OneStop.Appointments.Domain;

/// <summary>Why a resource's time is taken.</summary>
public enum AllocationKind
{
    /// <summary>A booked (or pending) appointment: busy for good, and counted as the resource's load.</summary>
    Booking,
    /// <summary>A hold: busy until it expires.</summary>
    Hold,
    /// <summary>A cancelled booking inside its release delay: busy until released (counters appointment trading).</summary>
    CancelledUntilRelease,
}

/// <summary>
/// One existing claim on a resource's time, as the data layer hands it to the domain. <see cref="Span"/> is the
/// appointment's own start and end; buffers are added by <see cref="BusyIntervals"/>. <see cref="BusyUntil"/> is
/// when a hold expires or a cancelled booking is released; a booking has none.
/// </summary>
public readonly record struct ExistingAllocation(string ResourceId, UtcInterval Span, AllocationKind Kind, DateTimeOffset? BusyUntil = null)
{
    /// <summary>True while this claim keeps others out: bookings always, holds and releases until their time.</summary>
    public bool BlocksAt(DateTimeOffset now) => Kind switch
    {
        AllocationKind.Booking => true,
        _ => BusyUntil is { } until && now < until,
    };
}
