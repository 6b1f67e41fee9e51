using Grpc.Net.Client;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client.Tests.TestSupport;

/// <summary>
/// One test's world: a redis-server (or Garnet), a fake Directory service, and the stores, clients and writers made against them
/// (each with its own Redis connection, like separate processes). Disposing it tears all of it down.
/// </summary>
public sealed class TestRig : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    private TestRig(RedisServerFixture redis, FakeDirectoryServer directory)
    {
        Redis = redis;
        Directory = directory;
    }

    public RedisServerFixture Redis { get; }

    public FakeDirectoryServer Directory { get; }

    public FakeDirectoryService Fake => Directory.Service;

    public static async Task<TestRig> StartAsync(CacheServer server = CacheServer.Redis)
    {
        var redis = await RedisServerFixture.StartAsync(server);
        var directory = await FakeDirectoryServer.StartAsync();
        return new TestRig(redis, directory);
    }

    public RedisStore NewStore() =>
        Own(RedisStore.Connect(Redis.Configuration, TimeSpan.FromMilliseconds(250)));

    /// <summary>A client with its own store; ready (subscribed, read model checked) when returned.</summary>
    public async Task<(DirectoryClient Client, RedisStore Store)> NewClientAsync(Action<DirectoryClientOptions>? configure = null)
    {
        var store = NewStore();
        var options = new DirectoryClientOptions
        {
            DirectoryAddress = Directory.Address,
            Redis = Redis.Configuration,
            // Short, so a test that loses the rebuild's message still recovers within its bounded wait.
            ReadModelRecheckInterval = TimeSpan.FromMilliseconds(500),
        };
        configure?.Invoke(options);
        var channel = Own(GrpcChannel.ForAddress(options.DirectoryAddress));
        var client = Own(new DirectoryClient(store, new DirectoryService.DirectoryServiceClient(channel), options));
        await client.InitializeAsync();
        // The start-up check of the read model is one short-timeout read; on a loaded machine it can miss, and the
        // client then re-checks shortly after. Tests that assert the Redis path need it settled.
        if (await store.GetInt64Async(DirectoryKeys.Built) is not null)
        {
            await Eventually.Until(() => client.IsReadModelCurrent, "the new client trusts the built read model");
        }
        return (client, store);
    }

    public (DirectoryReadModelWriter Writer, RedisStore Store) NewWriter()
    {
        var store = NewStore();
        return (Own(new DirectoryReadModelWriter(store, WriterLog)), store);
    }

    /// <summary>What the writers reported (shown by failing assertions).</summary>
    public ListLogger<DirectoryReadModelWriter> WriterLog { get; } = new();

    /// <summary>Puts the services into the fake directory and rebuilds the read model from it at <paramref name="version"/>.</summary>
    public async Task SeedAsync(DirectoryReadModelWriter writer, long version, params Service[] services)
    {
        foreach (var service in services) Fake.Services[service.Id] = service;
        await RebuildFromFakeAsync(writer, version);
    }

    /// <summary>Rebuilds the read model from the fake directory's contents; throws (with the writer's log) if it did not complete.</summary>
    public async Task RebuildFromFakeAsync(DirectoryReadModelWriter writer, long version)
    {
        await writer.RebuildAsync(Fake.Organizations.Values.ToList(), Fake.Services.Values.ToList(), Fake.Locations.Values.ToList(), version);
        if (writer.NeedsRebuild) throw new InvalidOperationException("The rebuild did not complete:" + Environment.NewLine + WriterLog);
    }

    public async ValueTask DisposeAsync()
    {
        // Clients and writers before their stores: reverse creation order.
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        await Directory.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
