namespace OneStop.Appointments.Data;

/// <summary>
/// A clock that stands still at one command's "now". The domain policies read the time from a TimeProvider; inside a
/// command, "now" must be the instant the transaction read under the write gate, so that a policy's expiry decision
/// and the allocation purge agree with each other and with the order of commits.
/// </summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
