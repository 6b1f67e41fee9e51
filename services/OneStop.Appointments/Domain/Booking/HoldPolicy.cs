namespace OneStop.Appointments.Domain;

/// <summary>
/// How long holds last. Configured through AppointmentsOptions (OneStop:Appointments:DefaultHold and MaxHold); the
/// defaults here equal the options' defaults so that a policy built without configuration behaves like the service.
/// </summary>
public sealed record HoldOptions
{
    /// <summary>Used when the request names no hold time (the default: 5 minutes).</summary>
    public TimeSpan DefaultHold { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest hold a caller may ask for; longer requests are INVALID_ARGUMENT, so slots cannot be parked.</summary>
    public TimeSpan MaximumHold { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>
/// Rules for holds: their expiry, that they block while they last (<see cref="ExistingAllocation.BlocksAt"/> with
/// <see cref="AllocationKind.Hold"/>), and who may consume them. Reads the clock from the injected TimeProvider.
/// </summary>
public sealed class HoldPolicy(HoldOptions options, TimeProvider time)
{
    public HoldOptions Options { get; } = options;

    /// <summary>The hold time for a request: its own (hold_for) if given, else the default.</summary>
    public TimeSpan HoldFor(TimeSpan? requested)
    {
        if (requested is null || requested == TimeSpan.Zero)
        {
            return Options.DefaultHold;
        }
        if (requested < TimeSpan.Zero || requested > Options.MaximumHold)
        {
            throw DomainException.InvalidArgument("hold_for", $"must be between 0 and {Options.MaximumHold.TotalMinutes} minutes, got {requested}");
        }
        return requested.Value;
    }

    /// <summary>When a hold placed now expires.</summary>
    public DateTimeOffset ExpiresAt(TimeSpan? requested) => time.GetUtcNow() + HoldFor(requested);

    /// <summary>True while the hold still blocks the slot: strictly before its expiry.</summary>
    public bool IsLive(DateTimeOffset expiresAt) => time.GetUtcNow() < expiresAt;

    /// <summary>
    /// A booking may consume a hold only if the hold is the caller's own and still live; an expired hold may already
    /// have been given to someone else, so it is FAILED_PRECONDITION (hold again), never silently renewed.
    /// </summary>
    public void EnsureConsumable(string holder, DateTimeOffset expiresAt, string caller)
    {
        if (!string.Equals(holder, caller, StringComparison.Ordinal))
        {
            throw new DomainException(DomainErrorCode.PermissionDenied, "the hold belongs to another caller", "hold_id");
        }
        if (!IsLive(expiresAt))
        {
            throw DomainException.FailedPrecondition($"the hold expired at {expiresAt:yyyy-MM-ddTHH:mm:ss}Z; find and hold a slot again", "hold_id");
        }
    }

    /// <summary>The hold as an allocation for <see cref="BusyIntervals"/>.</summary>
    public static ExistingAllocation AsAllocation(string resourceId, UtcInterval slot, DateTimeOffset expiresAt) =>
        new(resourceId, slot, AllocationKind.Hold, expiresAt);
}
