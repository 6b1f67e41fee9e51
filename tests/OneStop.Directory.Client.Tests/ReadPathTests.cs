using Grpc.Core;
using Google.Protobuf;
using OneStop.Directory.Client.Tests.TestSupport;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client.Tests;

/// <summary>Which source answers: in-process cache, Redis read model, or the Directory gRPC service.</summary>
public sealed class ReadPathTests
{
    [Fact]
    public async Task Redis_hit_when_the_read_model_has_the_entity()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "Anerkennungsberatung"));
        var (client, _) = await rig.NewClientAsync();

        var service = await client.GetServiceAsync("s1");

        Assert.Equal("Anerkennungsberatung", service!.Name);
        Assert.Equal(2, service.Translations.Count); // the full entity: callers localize
        Assert.Equal(1, client.Statistics.RedisHits);
        Assert.Equal(0, client.Statistics.GrpcLoads);
        Assert.Equal(0, rig.Fake.GetCalls);
    }

    [Fact]
    public async Task Cached_hit_touches_neither_Redis_nor_gRPC()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "Sprachkurs"));
        var (client, _) = await rig.NewClientAsync();
        await client.GetServiceAsync("s1");
        var loadsBefore = client.Statistics.Loads;

        for (var i = 0; i < 1000; i++)
        {
            var lookup = client.GetServiceAsync("s1");
            Assert.True(lookup.IsCompletedSuccessfully); // answered synchronously, no Task behind it
            Assert.Equal("Sprachkurs", (await lookup)!.Name);
        }

        Assert.Equal(1000, client.Statistics.Hits);
        Assert.Equal(loadsBefore, client.Statistics.Loads);
        Assert.Equal(0, client.Statistics.RedisMisses);
        Assert.Equal(0, rig.Fake.GetCalls);
        // The hit path allocates nothing: no Task, no key string (what makes the in-process throughput target reachable).
        Assert.Equal(0, AllocatedByCachedLookups(client, "s1", 1000));
    }

    private static long AllocatedByCachedLookups(DirectoryClient client, string id, int count)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            var lookup = client.GetServiceAsync(id);
            if (!lookup.IsCompletedSuccessfully || lookup.Result is null) return -1;
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public async Task A_directory_that_never_answers_is_retried_and_then_a_deadline_not_a_cancellation()
    {
        await using var rig = await TestRig.StartAsync();
        var (client, _) = await rig.NewClientAsync(o =>
        {
            o.GrpcAttemptTimeout = TimeSpan.FromSeconds(1);
            o.GrpcRetries = 2;
        });
        rig.Fake.Services["s-slow"] = TestData.Service("s-slow", "held");
        // One answered call first: the connection is open, so each held attempt reaches the server well within its
        // attempt timeout, and the count below is of attempts, not of connection set-ups.
        rig.Fake.Services["s-warm"] = TestData.Service("s-warm", "answered");
        Assert.NotNull(await client.GetServiceAsync("s-warm"));
        var before = rig.Fake.GetServiceCalls;
        rig.Fake.HoldCalls();
        try
        {
            // Each attempt is cut by the attempt timeout, which grpc-dotnet reports as CANCELLED; all three attempts
            // must be made, and the caller, who cancelled nothing, must be told DEADLINE_EXCEEDED.
            var error = await Assert.ThrowsAsync<RpcException>(() => client.GetServiceAsync("s-slow").AsTask());
            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
            Assert.Equal(3, rig.Fake.GetServiceCalls - before);
        }
        finally
        {
            rig.Fake.ReleaseCalls();
        }
    }

    [Fact]
    public async Task No_retries_configured_means_one_attempt()
    {
        await using var rig = await TestRig.StartAsync();
        var (client, _) = await rig.NewClientAsync(o =>
        {
            o.GrpcAttemptTimeout = TimeSpan.FromSeconds(1);
            o.GrpcRetries = 0;
        });
        // One answered call first: the connection is open, so each held attempt reaches the server well within its
        // attempt timeout, and the count below is of attempts, not of connection set-ups.
        rig.Fake.Services["s-warm"] = TestData.Service("s-warm", "answered");
        Assert.NotNull(await client.GetServiceAsync("s-warm"));
        var before = rig.Fake.GetServiceCalls;
        rig.Fake.HoldCalls();
        try
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => client.GetServiceAsync("s-held").AsTask());
            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
            Assert.Equal(1, rig.Fake.GetServiceCalls - before);
        }
        finally
        {
            rig.Fake.ReleaseCalls();
        }
    }

    [Fact]
    public async Task Falls_back_to_gRPC_when_the_key_is_missing_from_Redis()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1, TestData.Service("s1", "in Redis"));
        var (client, _) = await rig.NewClientAsync();
        // Known to the directory, not (yet) to the read model.
        rig.Fake.Services["s2"] = TestData.Service("s2", "only in the directory");

        var service = await client.GetServiceAsync("s2");

        Assert.Equal("only in the directory", service!.Name);
        Assert.True(client.Statistics.RedisMisses == 1, client.Statistics + " current=" + client.IsReadModelCurrent);
        Assert.Equal(1, client.Statistics.GrpcLoads);
        Assert.Equal(1, rig.Fake.GetServiceCalls);
    }

    [Fact]
    public async Task Not_found_is_null_and_cached()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1);
        var (client, _) = await rig.NewClientAsync();

        Assert.Null(await client.GetServiceAsync("missing"));
        Assert.Null(await client.GetServiceAsync("missing"));
        Assert.Null(await client.GetOrganizationAsync("missing"));
        Assert.Null(await client.GetLocationAsync("missing"));

        Assert.Equal(1, rig.Fake.GetServiceCalls);
        Assert.Equal(1, rig.Fake.GetOrganizationCalls);
        Assert.Equal(1, rig.Fake.GetLocationCalls);
        Assert.Equal(1, client.Statistics.Hits);
    }

    [Fact]
    public async Task Organizations_and_locations_come_from_their_own_keys()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, _) = rig.NewWriter();
        rig.Fake.Organizations["o1"] = new Organization { Id = "o1", Name = "Jobcenter", AgencyType = AgencyType.Jobcenter };
        rig.Fake.Locations["l1"] = new Location { Id = "l1", OrganizationId = "o1", Name = "Hauptstelle" };
        await rig.RebuildFromFakeAsync(writer, 1);
        var (client, _) = await rig.NewClientAsync();

        Assert.Equal("Jobcenter", (await client.GetOrganizationAsync("o1"))!.Name);
        Assert.Equal("Hauptstelle", (await client.GetLocationAsync("l1"))!.Name);
        Assert.Equal(2, client.Statistics.RedisHits);
        Assert.Equal(0, rig.Fake.GetCalls);
    }

    [Fact]
    public async Task Concurrent_misses_for_one_key_share_one_load()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, _) = rig.NewWriter();
        await rig.SeedAsync(writer, 1);
        var (client, _) = await rig.NewClientAsync();
        rig.Fake.Services["hot"] = TestData.Service("hot", "Welcome Center");
        rig.Fake.HoldCalls();

        var lookups = Enumerable.Range(0, 50).Select(_ => Task.Run(() => client.GetServiceAsync("hot").AsTask())).ToList();
        await Eventually.Until(() => client.Statistics.Misses == 50 && rig.Fake.GetServiceCalls == 1, "all 50 lookups wait on one load");
        rig.Fake.ReleaseCalls();
        var results = await Task.WhenAll(lookups).WaitAsync(Eventually.DefaultTimeout);

        Assert.All(results, service => Assert.Equal("Welcome Center", service!.Name));
        Assert.Equal(1, rig.Fake.GetServiceCalls);
        Assert.Equal(1, client.Statistics.Loads);
    }

    [Fact]
    public async Task Redis_entries_are_the_protobuf_bytes_of_the_entity_under_versioned_keys()
    {
        await using var rig = await TestRig.StartAsync();
        var (writer, store) = rig.NewWriter();
        var service = TestData.Service("s1", "MBE");
        await rig.SeedAsync(writer, 7, service);

        var keys = await store.ScanKeysAsync("onestop:directory:");

        Assert.Equal(
            ["onestop:directory:v1:built", "onestop:directory:v1:service:s1", "onestop:directory:v1:version"],
            keys.Order(StringComparer.Ordinal));
        Assert.Equal(service.ToByteArray(), await store.GetAsync(DirectoryKeys.Service("s1")));
        Assert.Equal(7, await store.GetInt64Async(DirectoryKeys.Version));
        Assert.Equal(7, await store.GetInt64Async(DirectoryKeys.Built));
    }
}
