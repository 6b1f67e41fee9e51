namespace OneStop.Appointments.Domain;

/// <summary>
/// The time a resource is taken at a moment <c>now</c>: bookings, live holds and cancelled bookings still inside
/// their release delay, each widened by the resource's buffers. Holds are widened too, because a hold becomes a
/// booking that will need its buffers, and they must not be given away meanwhile.
/// </summary>
public static class BusyIntervals
{
    /// <summary>One resource's busy intervals (its allocations only), sorted and merged.</summary>
    public static IReadOnlyList<UtcInterval> For(IEnumerable<ExistingAllocation> allocations, ResourceBuffers buffers, DateTimeOffset now) =>
        IntervalSet.Normalize(allocations.Where(a => a.BlocksAt(now)).Select(a => buffers.Around(a.Span)));

    /// <summary>Busy intervals of every resource that has allocations, keyed by resource id.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<UtcInterval>> ByResource(
        IEnumerable<ExistingAllocation> allocations, Func<string, ResourceBuffers> buffersOf, DateTimeOffset now) =>
        allocations.GroupBy(a => a.ResourceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => For(g, buffersOf(g.Key), now), StringComparer.Ordinal);

    /// <summary>How many bookings of a resource start within [from, to): its load, for balancing pool choices.</summary>
    public static int BookingsIn(IEnumerable<ExistingAllocation> allocations, DateTimeOffset from, DateTimeOffset to) =>
        allocations.Count(a => a.Kind == AllocationKind.Booking && a.Span.Start >= from && a.Span.Start < to);
}
