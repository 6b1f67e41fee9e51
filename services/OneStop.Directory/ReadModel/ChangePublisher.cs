using OneStop.Directory.Client;
using OneStop.Directory.Domain;
using OneStop.Directory.V1;

namespace OneStop.Directory.ReadModel;

/// <summary>
/// Where committed changes go: live WatchChanges streams, the search index, the Redis read model. Also owns the
/// write gate: one write at a time, so change versions are committed and published in increasing order.
/// </summary>
public sealed class ChangePublisher(ChangeFeed feed, SearchIndexHolder index, DirectoryReadModelWriter readModel)
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public async Task<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        return new Releaser(_writeGate);
    }

    /// <summary>Called after the commit, inside the write gate. Redis is best effort: the writer never throws.</summary>
    public async Task PublishAsync(IReadOnlyCollection<Change> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        index.Apply(changes);
        foreach (var change in changes)
        {
            feed.Publish(change);
            await readModel.ApplyAsync(change, ct);
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
