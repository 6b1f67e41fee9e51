using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Cancellation and booking limits. Configured through AppointmentsOptions (OneStop:Appointments:CancellationReleaseDelay
/// and MaxOpenBookingsPerClient); the defaults here equal the options' defaults.
/// </summary>
public sealed record CancellationOptions
{
    /// <summary>
    /// How long a cancelled slot stays blocked before others can book it. Zero releases at once. A delay counters
    /// appointment trading: someone who books scarce slots to pass them on cannot cancel and rebook for a buyer on the spot.
    /// </summary>
    public TimeSpan ReleaseDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Open appointments (proposed, pending or booked, not yet ended) a client may have at once.</summary>
    public int MaxOpenBookingsPerClient { get; init; } = 5;
}

/// <summary>Rules for cancelling and for how many open bookings one client may hold.</summary>
public sealed class CancellationPolicy(CancellationOptions options)
{
    public CancellationOptions Options { get; } = options;

    /// <summary>When a slot cancelled at <paramref name="cancelledAt"/> becomes bookable again.</summary>
    public DateTimeOffset ReleaseAt(DateTimeOffset cancelledAt) => cancelledAt + Options.ReleaseDelay;

    /// <summary>
    /// The cancelled booking as an allocation that blocks until release, or null when released at once (the
    /// caller then simply deletes the allocation).
    /// </summary>
    public ExistingAllocation? AsAllocationAfterCancel(string resourceId, UtcInterval slot, DateTimeOffset cancelledAt) =>
        Options.ReleaseDelay > TimeSpan.Zero
            ? new ExistingAllocation(resourceId, slot, AllocationKind.CancelledUntilRelease, ReleaseAt(cancelledAt))
            : null;

    /// <summary>True for appointments that count against the client's limit at <paramref name="now"/>.</summary>
    public static bool IsOpen(AppointmentStatus status, DateTimeOffset end, DateTimeOffset now) =>
        status is AppointmentStatus.Proposed or AppointmentStatus.Pending or AppointmentStatus.Booked && end > now;

    /// <summary>FAILED_PRECONDITION when a client who already has <paramref name="openBookings"/> may not book another.</summary>
    public void EnsureClientMayBook(int openBookings)
    {
        if (openBookings >= Options.MaxOpenBookingsPerClient)
        {
            throw DomainException.FailedPrecondition(
                $"the client already has {openBookings} open appointments (at most {Options.MaxOpenBookingsPerClient}); cancel or attend one first", "client_id");
        }
    }
}
