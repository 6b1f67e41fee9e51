using Microsoft.Extensions.Configuration;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Gateway.Forwarding.Configuration;
using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Tests.Support;

namespace OneStop.Gateway.Tests;

/// <summary>YARP-shaped configuration: validated, and reloaded while the gateway runs.</summary>
public sealed class ConfigurationTests
{
    private static readonly IReadOnlySet<string> RateLimiterPolicies = new HashSet<string> { ClientRateLimits.PerClient };

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
    public void The_validator_names_every_broken_setting()
    {
        var config = new ProxyConfig
        {
            Routes =
            {
                ["r1"] = new RouteConfig { ClusterId = "nope", Match = new RouteMatch { Path = "/{unclosed" }, AuthorizationPolicy = "anonymous,frontdesk", RateLimiterPolicy = "fast" },
                ["r2"] = new RouteConfig { ClusterId = "c1", Match = new RouteMatch { Path = "" }, MaxRequestBodySize = 0 },
            },
            Clusters =
            {
                ["c1"] = new ClusterConfig { LoadBalancingPolicy = "Random", Destinations = { ["d"] = new DestinationConfig { Address = "ftp://x" } } },
                ["c2"] = new ClusterConfig(),
            },
        };

        var errors = string.Join("\n", ProxyConfigValidator.Validate(config, RateLimiterPolicies));

        Assert.Contains("Routes:r1:ClusterId 'nope'", errors, StringComparison.Ordinal);
        Assert.Contains("Routes:r1:Match:Path", errors, StringComparison.Ordinal);
        Assert.Contains("Routes:r1:AuthorizationPolicy", errors, StringComparison.Ordinal);
        Assert.Contains("Routes:r1:RateLimiterPolicy 'fast'", errors, StringComparison.Ordinal);
        Assert.Contains("Routes:r2:Match:Path is empty", errors, StringComparison.Ordinal);
        Assert.Contains("Routes:r2:MaxRequestBodySize", errors, StringComparison.Ordinal);
        Assert.Contains("Clusters:c1:LoadBalancingPolicy 'Random'", errors, StringComparison.Ordinal);
        Assert.Contains("Clusters:c1:Destinations:d:Address 'ftp://x'", errors, StringComparison.Ordinal);
        Assert.Contains("Clusters:c2:Destinations is empty", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_appsettings_are_valid()
    {
        var path = Path.Combine(OneStop.Interop.Tests.Interop.RepoPaths.RepoRoot, "gateway", "OneStop.Gateway", "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
        var config = new ProxyConfig();
        ConfigurationBinder.Bind(configuration.GetSection(ProxyConfig.SectionName), config);

        Assert.Empty(ProxyConfigValidator.Validate(config, RateLimiterPolicies));
        Assert.Contains("directory", config.Routes.Keys);
        Assert.Contains("appointments", config.Routes.Keys);
    }
}
