using Grpc.Core;
using OneStop.Directory.Client.Caching;
using OneStop.Directory.Client.Tests.TestSupport;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client.Tests;

/// <summary>What a failed lookup writes to the log: a refused id is the caller's error, a failing directory a warning.</summary>
public sealed class LookupLoggingTests
{
    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.NotFound)]
    public async Task A_refused_id_is_logged_as_information_without_stack_or_the_id(StatusCode code)
    {
        var log = new ListLogger<LookupLoggingTests>();
        var longId = new string('a', 5000) + "\nforged";
        var cache = NewCache(log, new RpcException(new Status(code, "id is not valid")));

        await Assert.ThrowsAsync<RpcException>(async () => await cache.GetAsync(longId, CancellationToken.None));

        var line = Assert.Single(log.Lines);
        Assert.StartsWith("Information: Directory lookup of Service refused: " + code, line);
        Assert.DoesNotContain("aaaaaaaaaa", line);
        Assert.DoesNotContain(" at ", line); // no stack trace
    }

    [Fact]
    public async Task A_failing_directory_is_a_warning_with_its_exception()
    {
        var log = new ListLogger<LookupLoggingTests>();
        var cache = NewCache(log, new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        await Assert.ThrowsAsync<RpcException>(async () => await cache.GetAsync("svc-1", CancellationToken.None));

        var line = Assert.Single(log.Lines);
        Assert.StartsWith("Warning: Directory lookup of Service failed", line);
        Assert.Contains("connection refused", line);
    }

    private static EntityCache<Service> NewCache(ListLogger<LookupLoggingTests> log, Exception failure) =>
        new((_, _) => Task.FromException<Service?>(failure), () => 1,
            new CacheClock(TimeProvider.System, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)), new CacheStatistics(), log, CancellationToken.None);
}
