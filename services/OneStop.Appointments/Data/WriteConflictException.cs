namespace OneStop.Appointments.Data;

/// <summary>
/// Another writer got there first (ABORTED): the allocation table's unique key refused a row because a booking or
/// hold took one of the resources for that time, or a catalogue entry changed since the caller read it. Nothing of
/// the refused command was written; the caller may read again or choose another slot.
/// </summary>
public sealed class WriteConflictException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The answer to a taken slot, whether the pre-check saw it or the unique key refused it.</summary>
    public const string SlotTaken = "A resource of this slot is no longer free at that time; choose another slot.";
}
