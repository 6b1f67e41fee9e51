using Microsoft.Extensions.Configuration;
using Grpc.Core;
using Grpc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Gateway.Tests.Support;
using Yarp.ReverseProxy;

namespace OneStop.Gateway.Tests;

/// <summary>YARP-shaped configuration: validated, and reloaded while the gateway runs.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task A_changed_destination_takes_effect_without_a_restart_and_a_broken_change_is_refused()
    {
        await using var first = await RawBackend.StartAsync();
        await using var second = await RawBackend.StartAsync();
        var reloadable = new ReloadableConfiguration(Routes.GrpcTesting("anonymous", first.Address));
        await using var gateway = await GatewayTestHost.StartAsync(new Dictionary<string, string?>(), reloadable);
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        reloadable.Replace(Routes.GrpcTesting("anonymous", second.Address));
        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        reloadable.Replace(Routes.GrpcTesting("anonymous", second.Address).With("ReverseProxy:Routes:testing:ClusterId", "missing"));
        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.Equal(1, first.Calls);
        Assert.Equal(2, second.Calls);
    }

    [Fact]
    public async Task A_new_route_can_require_a_role_after_a_reload()
    {
        await using var backend = await RawBackend.StartAsync();
        var reloadable = new ReloadableConfiguration(Routes.GrpcTesting("anonymous", backend.Address));
        await using var gateway = await GatewayTestHost.StartAsync(new Dictionary<string, string?>(), reloadable);
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        reloadable.Replace(Routes.GrpcTesting("region-admin", backend.Address));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Broken_routes_stop_the_start_and_the_error_names_every_broken_setting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:r1:ClusterId"] = "nope",
            ["ReverseProxy:Routes:r1:Match:Path"] = "/x/{method}",
            ["ReverseProxy:Routes:r3:ClusterId"] = "c1",
            ["ReverseProxy:Routes:r3:Match:Path"] = "/{unclosed",
            ["ReverseProxy:Routes:r3:AuthorizationPolicy"] = "anonymous,frontdesk",
            ["ReverseProxy:Routes:r3:RateLimiterPolicy"] = "fast",
            ["ReverseProxy:Routes:r2:ClusterId"] = "c1",
            ["ReverseProxy:Routes:r2:Match:Path"] = "/y/{method}",
            ["ReverseProxy:Routes:r2:MaxRequestBodySize"] = "0",
            ["ReverseProxy:Clusters:c1:Destinations:d:Address"] = "http://127.0.0.1:1",
        };

        var errors = Describe(await Assert.ThrowsAnyAsync<Exception>(() => GatewayTestHost.StartAsync(settings)));

        Assert.True(errors.Contains("Routes:r1: ClusterId 'nope' names no cluster", StringComparison.Ordinal), errors);
        Assert.True(errors.Contains("/{unclosed", StringComparison.Ordinal), errors);
        Assert.True(errors.Contains("anonymous,frontdesk", StringComparison.Ordinal), errors);
        Assert.True(errors.Contains("'fast'", StringComparison.Ordinal), errors);
        Assert.True(errors.Contains("Routes:r2: MaxRequestBodySize must be positive", StringComparison.Ordinal), errors);
    }

    [Fact]
    public async Task Broken_clusters_stop_the_start_and_the_error_names_every_broken_setting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:c1:LoadBalancingPolicy"] = "Random",
            ["ReverseProxy:Clusters:c1:Destinations:d:Address"] = "ftp://x",
            ["ReverseProxy:Clusters:c2:LoadBalancingPolicy"] = "RoundRobin",
        };

        var errors = Describe(await Assert.ThrowsAnyAsync<Exception>(() => GatewayTestHost.StartAsync(settings)));

        Assert.True(errors.Contains("Clusters:c1: Destinations:d:Address 'ftp://x'", StringComparison.Ordinal), errors);
        Assert.True(errors.Contains("Clusters:c2: Destinations is empty", StringComparison.Ordinal), errors);
    }

    [Fact]
    public async Task The_shipped_appsettings_are_valid()
    {
        await using var gateway = await GatewayTestHost.StartAsync(ShippedRoutes.Load());

        var proxy = gateway.Services.GetRequiredService<IProxyStateLookup>();
        Assert.True(proxy.TryGetRoute("directory", out _));
        Assert.True(proxy.TryGetRoute("directory-public", out var publicReads));
        Assert.Equal("anonymous", publicReads.Config.AuthorizationPolicy);
        Assert.True(proxy.TryGetRoute("appointments", out _));
        Assert.True(proxy.TryGetRoute("skills", out _));
        Assert.True(proxy.TryGetCluster("directory", out var directory));
        Assert.Equal("PowerOfTwoChoices", directory.Model.Config.LoadBalancingPolicy);
    }

    /// <summary>Every message of the exception and its inner exceptions.</summary>
    private static string Describe(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.Message + "\n" + string.Join("\n", aggregate.InnerExceptions.Select(Describe)),
        _ => error.Message + (error.InnerException is { } inner ? "\n" + Describe(inner) : ""),
    };
}
