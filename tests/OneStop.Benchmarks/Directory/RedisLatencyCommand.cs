using System.Diagnostics;
using OneStop.Directory.Client;
using OneStop.Directory.V1;

namespace OneStop.Benchmarks.Directory;

/// <summary>
/// `redis-latency [lookups]`: latency percentiles of a Redis hit, one lookup after another, against a redis-server
/// started on a free loopback port and holding the demo read model. Target (issue 3): p99 at most 1 ms.
/// </summary>
/// <remarks>
/// Four measurements, interleaved in rounds so that machine noise hits all alike:
/// PING on the store's connection (the round-trip floor); a bare GET on that connection; the store's GET plus the
/// protobuf parse, exactly as the client's load does it; and DirectoryClient.GetServiceAsync with TTL and
/// stale-while-revalidate zero, so every lookup misses in process and is loaded from Redis (single-flight included).
/// </remarks>
internal static class RedisLatencyCommand
{
    private const int Rounds = 20;

    public static async Task RunAsync(string[] args)
    {
        var lookups = args.Length > 0 ? int.Parse(args[0]) : 20_000;
        var perRound = Math.Max(1, lookups / Rounds);
        using var rig = await DirectoryClientRig.StartAsync().ConfigureAwait(false);
        var store = rig.NewStore();
        var client = await rig.NewClientAsync(store, o => { o.Ttl = TimeSpan.Zero; o.StaleWhileRevalidate = TimeSpan.Zero; })
            .ConfigureAwait(false);
        // PING and GET on the store's own connection: the fairest floor for its GET.
        var database = store.Multiplexer.GetDatabase();
        var key = DirectoryKeys.Service(rig.ServiceId);
        var id = rig.ServiceId;

        var ping = new LatencySamples("PING, same connection (baseline)", lookups);
        var rawGet = new LatencySamples("GET, same connection, no parse", lookups);
        var storeGet = new LatencySamples("RedisStore.GetAsync + Service.Parser.ParseFrom", lookups);
        var clientGet = new LatencySamples("DirectoryClient.GetServiceAsync, Redis hit (in-process TTL 0)", lookups);
        var steps = new (LatencySamples Samples, Func<Task> Step)[]
        {
            (ping, () => database.PingAsync()),
            (rawGet, () => database.StringGetAsync(key)),
            (storeGet, async () => Service.Parser.ParseFrom(await store.GetAsync(key).ConfigureAwait(false))),
            (clientGet, async () => _ = await client.GetServiceAsync(id).ConfigureAwait(false) ?? throw new InvalidOperationException("missing")),
        };

        // Warm-up: JIT, tiered compilation, connection buffers.
        foreach (var (_, step) in steps)
        {
            for (var i = 0; i < 3_000; i++) await step().ConfigureAwait(false);
        }
        var before = client.Statistics.RedisHits;
        var load = LoadAverage();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (samples, step) in steps)
            {
                for (var i = 0; i < perRound; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await step().ConfigureAwait(false);
                    samples.Add(Stopwatch.GetTimestamp() - start);
                }
            }
        }
        var stats = client.Statistics;
        if (stats.RedisHits - before != clientGet.Count || stats.GrpcLoads != 0 || stats.RedisErrors != 0)
        {
            throw new InvalidOperationException($"Client lookups were not all Redis hits: {stats}");
        }

        Console.WriteLine($"Redis hit latency: {Rounds} interleaved rounds, {perRound:N0} sequential lookups per measurement per round; " +
                          $"service {id} ({rig.ServiceBytes:N0} bytes); load average {load} -> {LoadAverage()}");
        Console.WriteLine(LatencySamples.Header);
        foreach (var (samples, _) in steps) Console.WriteLine(samples.Row());
        Console.WriteLine($"client statistics: {stats}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
