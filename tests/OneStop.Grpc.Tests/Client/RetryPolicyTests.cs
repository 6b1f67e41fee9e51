using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Grpc.Testing;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Client;

public class RetryPolicyTests
{
    private static GrpcChannelOptions RetryOn(params StatusCode[] codes)
    {
        var policy = new RetryPolicy { MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50), BackoffMultiplier = 2 };
        foreach (var code in codes) policy.RetryableStatusCodes.Add(code);
        var method = new MethodConfig { RetryPolicy = policy };
        method.Names.Add(MethodName.Default);
        var config = new ServiceConfig();
        config.MethodConfigs.Add(method);
        return new GrpcChannelOptions { ServiceConfig = config };
    }

    /// <summary>The first <paramref name="failures"/> attempts fail with <paramref name="code"/>; later ones succeed.</summary>
    private static Script FailingFirst(int failures, StatusCode code, Action<ServerCallContext>? beforeFailing = null)
    {
        var script = new Script();
        script.Unary = async (_, context) =>
        {
            if (Volatile.Read(ref script.Calls) <= failures)
            {
                beforeFailing?.Invoke(context);
                if (context.UserState.ContainsKey("send-headers")) await context.WriteResponseHeadersAsync(new Metadata());
                throw new RpcException(new Status(code, "transient"));
            }
            return new SimpleResponse { Hostname = "ok" };
        };
        return script;
    }

    [Fact]
    public async Task Retries_a_configured_status_until_success()
    {
        var script = FailingFirst(2, StatusCode.Unavailable);
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(RetryOn(StatusCode.Unavailable));

        var response = await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest());

        Assert.Equal("ok", response.Hostname);
        Assert.Equal(3, script.Calls);
    }

    [Fact]
    public async Task Does_not_retry_other_statuses()
    {
        var script = FailingFirst(2, StatusCode.InvalidArgument);
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(RetryOn(StatusCode.Unavailable));

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_status()
    {
        var script = FailingFirst(100, StatusCode.Unavailable);
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(RetryOn(StatusCode.Unavailable));

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(4, script.Calls);
    }

    [Fact]
    public async Task Never_retries_once_response_headers_arrived()
    {
        var script = FailingFirst(2, StatusCode.Unavailable, context => context.UserState["send-headers"] = true);
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(RetryOn(StatusCode.Unavailable));

        var ex = await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task A_negative_pushback_stops_retrying()
    {
        var script = FailingFirst(2, StatusCode.Unavailable, context => context.ResponseTrailers.Add("grpc-retry-pushback-ms", "-1"));
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(RetryOn(StatusCode.Unavailable));

        await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(1, script.Calls);
    }

    [Fact]
    public async Task A_pushback_delay_is_honoured_before_the_next_attempt()
    {
        var attempts = new List<DateTime>();
        var script = FailingFirst(1, StatusCode.Unavailable, context => { attempts.Add(DateTime.UtcNow); context.ResponseTrailers.Add("grpc-retry-pushback-ms", "400"); });
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel(RetryOn(StatusCode.Unavailable));

        var started = DateTime.UtcNow;
        await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest());

        Assert.Equal(2, script.Calls);
        // A lower bound only (the pushback must delay the retry); no upper bound, so machine noise cannot fail it.
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Without_a_policy_nothing_is_retried()
    {
        var script = FailingFirst(1, StatusCode.Unavailable);
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();

        await Assert.ThrowsAsync<RpcException>(() => new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest()).ResponseAsync);

        Assert.Equal(1, script.Calls);
    }
}
