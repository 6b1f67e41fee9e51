namespace OneStop.Directory.Client.Tests.TestSupport;

/// <summary>A clock that only moves when the test says so (the cache's TTL and stale-while-revalidate use it).</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private long _elapsedTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override DateTimeOffset GetUtcNow() => _start.AddTicks(Interlocked.Read(ref _elapsedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _elapsedTicks, by.Ticks);
}
