using Grpc.Core;
using Grpc.Testing;
using OneStop.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OneStop.TestSupport;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace OneStop.Gateway.Tests;

/// <summary>How calls spread over destinations, and how health takes destinations out of rotation and back.</summary>
public sealed class LoadBalancingAndHealthTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Round_robin_alternates_between_destinations()
    {
        await using var a = await RawBackend.StartAsync();
        await using var b = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", a.Address, b.Address)
            .With("ReverseProxy:Clusters:testing:LoadBalancingPolicy", "RoundRobin"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        for (var i = 0; i < 10; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);

        Assert.Equal(5, a.Calls);
        Assert.Equal(5, b.Calls);
    }

    [Fact]
    public async Task Power_of_two_choices_avoids_the_destination_with_calls_in_flight()
    {
        await using var busy = await RawBackend.StartAsync();
        await using var idle = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", busy.Address, idle.Address)
            .With("ReverseProxy:Clusters:testing:LoadBalancingPolicy", "PowerOfTwoChoices"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        var idleState = Destination(gateway, idle.Address);
        // Warm-up: connections to both backends exist, so no call is slow merely because it opens one.
        for (var i = 0; i < 10; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        busy.OnCall = async context =>
        {
            held.TrySetResult();
            await release.Task.WaitAsync(context.RequestAborted);
            await RawBackend.ReplyEmptyAsync(context);
        };
        // Calls until one is parked at "busy" (the others complete at "idle").
        var parked = new List<Task>();
        for (var i = 0; i < 20 && !held.Task.IsCompleted; i++)
        {
            parked.Add(client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound).ResponseAsync);
            await Task.WhenAny(held.Task, Task.Delay(200));
        }
        Assert.True(held.Task.IsCompleted);
        await WaitUntilAsync(() => idleState.ConcurrentRequestCount == 0);
        var idleBefore = idle.Calls;

        for (var i = 0; i < 10; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);

        Assert.Equal(idleBefore + 10, idle.Calls);
        release.TrySetResult();
        await Task.WhenAll(parked).WaitAsync(Bound);
    }

    [Fact]
    public async Task A_destination_reporting_NOT_SERVING_leaves_the_rotation_and_returns_when_SERVING()
    {
        await using var a = await RawBackend.StartAsync();
        await using var b = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", a.Address, b.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        var destinationA = Destination(gateway, a.Address);

        a.Serving = false;
        await WaitUntilAsync(() => destinationA.Health.Active == DestinationHealth.Unhealthy);
        var aBefore = a.Calls;
        for (var i = 0; i < 6; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);
        Assert.Equal(aBefore, a.Calls);

        a.Serving = true;
        await WaitUntilAsync(() => destinationA.Health.Active == DestinationHealth.Healthy);
        for (var i = 0; i < 6; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);
        Assert.True(a.Calls > aBefore, "the recovered destination gets calls again");
    }

    [Fact]
    public async Task When_every_destination_is_unhealthy_calls_get_UNAVAILABLE()
    {
        await using var a = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", a.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        var destination = Destination(gateway, a.Address);

        a.Serving = false;
        await WaitUntilAsync(() => destination.Health.Active == DestinationHealth.Unhealthy);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(0, a.Calls);
    }

    [Fact]
    public async Task A_refused_connection_takes_the_destination_out_until_its_reactivation_period_ends()
    {
        var dead = new Uri($"http://127.0.0.1:{FreePort.Pick()}");
        await using var live = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", dead, live.Address)
            .With("ReverseProxy:Clusters:testing:HealthCheck:Active:Enabled", "false")
            .With("ReverseProxy:Clusters:testing:HealthCheck:Passive:ReactivationPeriod", "00:10:00"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        var deadState = Destination(gateway, dead);

        for (var i = 0; i < 4; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);

        Assert.Equal(DestinationHealth.Unhealthy, deadState.Health.Passive);
        Assert.Equal(4, live.Calls);
    }

    [Fact]
    public async Task A_destination_taken_out_by_a_refused_connection_returns_when_its_reactivation_period_ends()
    {
        var dead = new Uri($"http://127.0.0.1:{FreePort.Pick()}");
        await using var live = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", dead, live.Address)
            .With("ReverseProxy:Clusters:testing:HealthCheck:Active:Enabled", "false")
            .With("ReverseProxy:Clusters:testing:HealthCheck:Passive:ReactivationPeriod", "00:00:00.300"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        var deadState = Destination(gateway, dead);

        for (var i = 0; i < 2; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);
        Assert.NotEqual(DestinationHealth.Healthy, deadState.Health.Passive);

        await WaitUntilAsync(() => deadState.Health.Passive != DestinationHealth.Unhealthy);
    }

    [Fact]
    public async Task The_health_probe_is_a_grpc_health_v1_Check_for_the_configured_service()
    {
        await using var backend = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address)
            .With("ReverseProxy:Clusters:testing:Metadata:GrpcHealthService", "grpc.testing.TestService"));

        await WaitUntilAsync(() => backend.HealthChecks.Contains("grpc.testing.TestService"));
    }

    [Fact]
    public async Task A_destination_without_the_health_service_stays_in_the_rotation()
    {
        await using var a = await RawBackend.StartAsync();
        a.HasHealthService = false;
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", a.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        var destination = Destination(gateway, a.Address);

        await WaitUntilAsync(() => destination.Health.Active == DestinationHealth.Healthy);
        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);
        Assert.Equal(1, a.Calls);
    }

    private static DestinationState Destination(GatewayTestHost gateway, Uri address)
    {
        Assert.True(gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("testing", out var cluster));
        return cluster.Destinations.Values.Single(d => new Uri(d.Model.Config.Address) == address);
    }

    /// <summary>Bounded: probes run every 200 ms in these tests; 20 s is ample even on a loaded machine.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "condition not reached within 20 s");
            await Task.Delay(50);
        }
    }
}
