namespace OneStop.Directory.Client.Caching;

/// <summary>
/// One load in progress for one key, shared by every lookup that misses meanwhile (single-flight). An invalidation
/// that arrives during the load marks it, so the possibly outdated result is returned to the waiters but not cached.
/// </summary>
internal sealed class Flight<T> where T : class
{
    private volatile bool _invalidated;

    // Asynchronous continuations: waiters must not run on the thread that completes the load (the Redis or HTTP/2 reader).
    public TaskCompletionSource<T?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Invalidated => _invalidated;

    public void Invalidate() => _invalidated = true;
}
