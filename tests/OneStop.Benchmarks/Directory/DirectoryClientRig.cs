using OneStop.Directory.V1;
using Grpc.Net.Client;
using OneStop.Directory.Client;
using OneStop.Directory.Data.Seed;

namespace OneStop.Benchmarks.Directory;

/// <summary>
/// A redis-server holding the demo county's read model (written by the real <see cref="DirectoryReadModelWriter"/>)
/// and DirectoryClients reading it. The directory address points at a closed port: every load in a benchmark must be
/// a Redis hit, and one that falls through to gRPC fails instead of being measured.
/// </summary>
internal sealed class DirectoryClientRig : IDisposable
{
    private readonly BenchmarkRedisServer _redis;
    private readonly List<IDisposable> _owned = [];

    private DirectoryClientRig(BenchmarkRedisServer redis) => _redis = redis;

    /// <summary>A demo service with translations, schedules and areas: a realistic entry size.</summary>
    public string ServiceId { get; private set; } = "";

    public int ServiceBytes { get; private set; }

    public string RedisConfiguration => _redis.Configuration;

    public static async Task<DirectoryClientRig> StartAsync()
    {
        var rig = new DirectoryClientRig(BenchmarkRedisServer.Start());
        var writer = rig.Own(new DirectoryReadModelWriter(rig.NewStore()));
        var services = DemoCounty.Services;
        await writer.RebuildAsync(DemoCounty.Organizations, services, DemoCounty.Locations, version: 1).ConfigureAwait(false);
        if (writer.NeedsRebuild) throw new InvalidOperationException("The read model was not written");
        var largest = services.MaxBy(s => s.CalculateSize())!;
        rig.ServiceId = largest.Id;
        rig.ServiceBytes = largest.CalculateSize();
        return rig;
    }

    public RedisStore NewStore() =>
        Own(RedisStore.Connect(_redis.Configuration, TimeSpan.FromMilliseconds(250)));

    /// <summary>A client that trusts the read model (subscribed, version checked).</summary>
    public async Task<DirectoryClient> NewClientAsync(RedisStore store, Action<DirectoryClientOptions>? configure = null)
    {
        var options = new DirectoryClientOptions { DirectoryAddress = "http://127.0.0.1:9", Redis = _redis.Configuration };
        configure?.Invoke(options);
        var channel = Own(GrpcChannel.ForAddress(options.DirectoryAddress));
        var client = Own(new DirectoryClient(store, new DirectoryService.DirectoryServiceClient(channel), options));
        await client.InitializeAsync().ConfigureAwait(false);
        for (var i = 0; i < 200 && !client.IsReadModelCurrent; i++) await Task.Delay(50).ConfigureAwait(false);
        if (!client.IsReadModelCurrent) throw new InvalidOperationException("The client does not trust the read model");
        return client;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _redis.Dispose();
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
