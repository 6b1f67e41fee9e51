namespace OneStop.Directory.Client.Caching;

/// <summary>
/// Freshness arithmetic in <see cref="TimeProvider"/> timestamps: monotonic, and a plain long compare on the hit path
/// (no DateTimeOffset math per lookup).
/// </summary>
internal sealed class CacheClock
{
    private readonly TimeProvider _time;
    private readonly long _ttl;
    private readonly long _staleWhileRevalidate;

    public CacheClock(TimeProvider time, TimeSpan ttl, TimeSpan staleWhileRevalidate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(staleWhileRevalidate, TimeSpan.Zero);
        _time = time;
        _ttl = ToTicks(ttl);
        _staleWhileRevalidate = ToTicks(staleWhileRevalidate);
    }

    public long Now => _time.GetTimestamp();

    public long FreshUntil(long loadedAt) => loadedAt + _ttl;

    public long StaleUntil(long loadedAt) => loadedAt + _ttl + _staleWhileRevalidate;

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
