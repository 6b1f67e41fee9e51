using Grpc.Core;
using OneStop.ServiceDefaults.Resilience;
using Polly.Timeout;

namespace OneStop.ServiceDefaults.Tests;

public sealed class OutboundPipelinesTests
{
    private static readonly RpcException Unavailable = new(new Status(StatusCode.Unavailable, "down"));

    [Fact]
    public async Task Idempotent_calls_are_retried_three_times_on_transient_failures()
    {
        var attempts = 0;
        var pipeline = OutboundPipelines.CreateForIdempotentCalls(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<RpcException>(async () =>
            await pipeline.ExecuteAsync(_ => { attempts++; throw Unavailable; }));
        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task Domain_errors_are_not_retried()
    {
        var attempts = 0;
        var pipeline = OutboundPipelines.CreateForIdempotentCalls(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<RpcException>(async () =>
            await pipeline.ExecuteAsync(_ => { attempts++; throw new RpcException(new Status(StatusCode.InvalidArgument, "bad")); }));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Non_idempotent_calls_run_once()
    {
        var attempts = 0;
        var pipeline = OutboundPipelines.CreateForNonIdempotentCalls(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<RpcException>(async () =>
            await pipeline.ExecuteAsync(_ => { attempts++; throw Unavailable; }));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Each_attempt_is_bounded_by_the_timeout()
    {
        var pipeline = OutboundPipelines.CreateForNonIdempotentCalls(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAsync<TimeoutRejectedException>(async () =>
            await pipeline.ExecuteAsync(async token => await Task.Delay(TimeSpan.FromSeconds(30), token)));
    }
}
