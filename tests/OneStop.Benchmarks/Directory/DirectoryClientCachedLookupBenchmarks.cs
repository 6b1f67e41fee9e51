using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using OneStop.Directory.Client;
using OneStop.Directory.V1;

namespace OneStop.Benchmarks.Directory;

/// <summary>
/// GetServiceAsync through a real DirectoryClient (real redis-server behind it) when the entry is in the in-process
/// cache: the ValueTask completes synchronously. Baseline: a bare ConcurrentDictionary lookup. Target (issue 3):
/// at least 200,000 lookups per second. The "2 threads" pair runs <see cref="PerThread"/> lookups on each of two
/// threads per invocation; its mean is per lookup, so 1e9/mean is the combined rate of both threads.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class DirectoryClientCachedLookupBenchmarks
{
    private const int PerThread = 50_000;

    private DirectoryClientRig? _rig;
    private DirectoryClient? _client;
    private readonly ConcurrentDictionary<string, Service> _dictionary = new();
    private string _id = "";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _rig = await DirectoryClientRig.StartAsync().ConfigureAwait(false);
        _client = await _rig.NewClientAsync(_rig.NewStore()).ConfigureAwait(false);
        // A separate string instance, as an id parsed from a request would be: no reference-equality shortcut.
        _id = new string(_rig.ServiceId.AsSpan());
        var loaded = await _client.GetServiceAsync(_id).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The service is not in the read model");
        var stats = _client.Statistics;
        if (stats.RedisHits != 1 || stats.GrpcLoads != 0) throw new InvalidOperationException($"Warm-up did not load from Redis: {stats}");
        if (!_client.GetServiceAsync(_id).IsCompletedSuccessfully) throw new InvalidOperationException("A cached lookup did not complete synchronously");
        _dictionary[_rig.ServiceId] = loaded;
        foreach (var i in Enumerable.Range(0, 200)) _dictionary[$"svc-other-{i}"] = loaded;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var stats = _client?.Statistics;
        _rig?.Dispose();
        // Every measured lookup must have been a fresh in-process hit.
        if (stats is not null && (stats.Loads != 1 || stats.StaleHits != 0)) throw new InvalidOperationException($"Lookups left the cache: {stats}");
    }

    [Benchmark(Baseline = true, Description = "ConcurrentDictionary.TryGetValue (baseline)")]
    public Service? Dictionary() => _dictionary.TryGetValue(_id, out var service) ? service : null;

    [Benchmark(Description = "DirectoryClient.GetServiceAsync, cached")]
    public Service? Client() => _client!.GetServiceAsync(_id).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = 2 * PerThread, Description = "ConcurrentDictionary.TryGetValue, 2 threads")]
    public void DictionaryTwoThreads() => Parallel.Invoke(DictionaryLoop, DictionaryLoop);

    [Benchmark(OperationsPerInvoke = 2 * PerThread, Description = "DirectoryClient.GetServiceAsync, cached, 2 threads")]
    public void ClientTwoThreads() => Parallel.Invoke(ClientLoop, ClientLoop);

    private void DictionaryLoop()
    {
        for (var i = 0; i < PerThread; i++)
        {
            if (!_dictionary.TryGetValue(_id, out _)) throw new InvalidOperationException("missing");
        }
    }

    private void ClientLoop()
    {
        var client = _client!;
        for (var i = 0; i < PerThread; i++)
        {
            if (client.GetServiceAsync(_id).GetAwaiter().GetResult() is null) throw new InvalidOperationException("missing");
        }
    }
}
