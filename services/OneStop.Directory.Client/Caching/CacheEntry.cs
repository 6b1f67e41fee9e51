namespace OneStop.Directory.Client.Caching;

/// <summary>
/// One cached lookup result. <see cref="Value"/> null means the directory said NOT_FOUND (cached too, so repeated
/// lookups of a missing id do not hammer the directory; an upsert's invalidation drops it).
/// </summary>
internal sealed class CacheEntry<T> where T : class
{
    private int _refreshing;

    public CacheEntry(T? value, long version, long freshUntil, long staleUntil)
    {
        Value = value;
        Version = version;
        FreshUntil = freshUntil;
        StaleUntil = staleUntil;
    }

    public T? Value { get; }

    /// <summary>The highest directory version the client had seen when the load started.</summary>
    public long Version { get; }

    public long FreshUntil { get; }

    public long StaleUntil { get; }

    /// <summary>True for exactly one caller: stale-while-revalidate refreshes an entry once, not once per lookup.</summary>
    public bool TryBeginRefresh() => Interlocked.Exchange(ref _refreshing, 1) == 0;

    /// <summary>Lets a later lookup try again after a failed background refresh.</summary>
    public void RefreshFailed() => Volatile.Write(ref _refreshing, 0);
}
