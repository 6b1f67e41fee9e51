namespace OneStop.Appointments.Domain;

/// <summary>
/// Time a resource keeps free before and after each appointment (preparation, notes, walking between rooms).
/// A booking occupies its buffered span exclusively: two bookings of one resource are at least
/// "after of the first + before of the second" apart. Buffers need not lie inside opening hours.
/// </summary>
public readonly record struct ResourceBuffers(TimeSpan Before, TimeSpan After)
{
    public static readonly ResourceBuffers None = default;

    /// <summary>The span a booking or hold at <paramref name="slot"/> keeps this resource from other bookings.</summary>
    public UtcInterval Around(UtcInterval slot) => slot.Widen(Before, After);
}
