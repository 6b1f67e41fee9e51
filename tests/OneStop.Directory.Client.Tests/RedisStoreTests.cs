using OneStop.Directory.Client.Tests.TestSupport;
using StackExchange.Redis;

namespace OneStop.Directory.Client.Tests;

/// <summary>
/// What the directory relies on from <see cref="RedisStore"/> around outages, against Redis and Garnet: failures at
/// once while down, a Reconnected after which commands work, and subscriptions that survive or precede an outage.
/// </summary>
public sealed class RedisStoreTests
{
    private const string Channel = "onestop:test:channel";

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task While_Redis_is_down_operations_fail_instead_of_waiting_for_the_reconnect(CacheServer server)
    {
        await using var redis = await RedisServerFixture.StartAsync(server);
        using var store = RedisStore.Connect(redis.Configuration, TimeSpan.FromSeconds(30), writeTimeout: TimeSpan.FromSeconds(30));
        await redis.KillAsync();
        await Eventually.Until(() => !store.IsConnected, "the store noticed the server is gone");

        var read = store.GetAsync("k");
        var write = store.SetAsync("written-while-down", [1]);
        var version = store.SetIfGreaterAsync("v", 1);
        await redis.RestartAsync();
        await Eventually.Until(() => store.IsConnected, "the store reconnected");

        // Failed with the connection, not held back for the reconnect (then they would have succeeded).
        await Assert.ThrowsAsync<RedisConnectionException>(() => read);
        await Assert.ThrowsAsync<RedisConnectionException>(() => write);
        await Assert.ThrowsAsync<RedisConnectionException>(() => version);
        Assert.Null(await store.GetAsync("written-while-down"));
    }

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task After_Reconnected_commands_work_and_the_subscription_receives_again(CacheServer server)
    {
        await using var redis = await RedisServerFixture.StartAsync(server);
        using var store = RedisStore.Connect(redis.Configuration, TimeSpan.FromSeconds(5));
        using var publisher = RedisStore.Connect(redis.Configuration, TimeSpan.FromSeconds(5));
        var received = new Inbox();
        await store.SubscribeAsync(Channel, received.Add);
        var firstCommand = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reconnected += () => _ = FirstCommandAsync(store, firstCommand);

        await redis.KillAsync();
        await Eventually.Until(() => !store.IsConnected, "the store noticed the server is gone");
        await redis.RestartAsync();

        // The handler's very first command, sent as soon as Reconnected is raised, succeeds.
        Assert.Null(await firstCommand.Task.WaitAsync(Eventually.DefaultTimeout));
        await Eventually.Until(() => publisher.IsConnected, "the publisher reconnected");
        await Eventually.Until(async () =>
        {
            await publisher.PublishAsync(Channel, "after the restart");
            return received.Contains("after the restart");
        }, "the re-sent subscription received a message");
    }

    [Theory]
    [InlineData(CacheServer.Redis)]
    [InlineData(CacheServer.Garnet)]
    public async Task A_subscription_made_while_Redis_is_down_receives_once_it_is_up(CacheServer server)
    {
        await using var redis = await RedisServerFixture.StartAsync(server);
        await redis.KillAsync();
        using var store = RedisStore.Connect(redis.Configuration, TimeSpan.FromSeconds(5));
        Assert.False(store.IsConnected);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reconnected += () => reconnected.TrySetResult();
        var received = new Inbox();

        await store.SubscribeAsync(Channel, received.Add); // does not throw while down

        await redis.RestartAsync();
        await reconnected.Task.WaitAsync(Eventually.DefaultTimeout);
        using var publisher = RedisStore.Connect(redis.Configuration, TimeSpan.FromSeconds(5));
        await Eventually.Until(async () =>
        {
            await publisher.PublishAsync(Channel, "hello");
            return received.Contains("hello");
        }, "the deferred subscription received a message");
    }

    private static async Task FirstCommandAsync(RedisStore store, TaskCompletionSource<Exception?> result)
    {
        try
        {
            await store.SetAsync("first-after-reconnect", [1]);
            result.TrySetResult(null);
        }
        catch (Exception ex)
        {
            result.TrySetResult(ex);
        }
    }

    /// <summary>Messages as the store delivers them: possibly on several threads at once.</summary>
    private sealed class Inbox
    {
        private readonly Lock _lock = new();
        private readonly List<string> _messages = [];

        public void Add(string message)
        {
            lock (_lock) _messages.Add(message);
        }

        public bool Contains(string message)
        {
            lock (_lock) return _messages.Contains(message);
        }
    }
}
