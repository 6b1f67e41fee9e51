namespace OneStop.Directory.Client;

/// <summary>The bulk steps of a rebuild: write a snapshot, then remove what the snapshot no longer has.</summary>
internal static class ReadModelRebuild
{
    // Enough commands in flight to use the connection's pipelining, few enough to bound memory and one failure's blast.
    private const int Batch = 512;

    private static readonly string[] EntityPrefixes =
        [DirectoryKeys.ServicePrefix, DirectoryKeys.OrganizationPrefix, DirectoryKeys.LocationPrefix];

    public static async Task WriteAsync(RedisStore redis, IReadOnlyDictionary<string, byte[]> snapshot, CancellationToken cancellationToken)
    {
        var pending = new List<Task>(Batch);
        foreach (var (key, value) in snapshot)
        {
            pending.Add(redis.SetAsync(key, value));
            if (pending.Count == Batch)
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
                pending.Clear();
                // Between batches: writes already sent cannot be taken back.
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <summary>Deletes entity keys (of this schema version) whose entity is not in the snapshot; returns how many.</summary>
    public static async Task<int> RemoveLeftoversAsync(RedisStore redis, IReadOnlyDictionary<string, byte[]> snapshot, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var prefix in EntityPrefixes)
        {
            var keys = await redis.ScanKeysAsync(prefix, cancellationToken).ConfigureAwait(false);
            var leftovers = keys.Where(key => !snapshot.ContainsKey(key)).ToList();
            foreach (var chunk in leftovers.Chunk(Batch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.WhenAll(chunk.Select(redis.DeleteAsync)).ConfigureAwait(false);
            }
            removed += leftovers.Count;
        }
        return removed;
    }
}
