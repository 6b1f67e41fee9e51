using Grpc.AspNetCore.HealthChecks;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OneStop.Grpc.Tests.HealthChecks;

/// <summary>grpc.health.v1.Health Check and List over a real Kestrel, driven by ASP.NET Core health checks.</summary>
public sealed class HealthCheckTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    private CancellationToken Timeout => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Whole_server_is_serving_when_every_check_is_healthy()
    {
        await using var host = await HealthTestHost.StartAsync();

        var result = await host.CheckAsync("", Timeout);

        Assert.Equal((int)StatusCode.OK, result.Status);
        Assert.Equal(ServingStatus.Serving, result.Single().Status);
    }

    [Fact]
    public async Task A_failing_check_makes_the_server_and_its_own_service_not_serving_but_not_the_others()
    {
        await using var host = await HealthTestHost.StartAsync();
        host.Queue.Status = HealthStatus.Unhealthy;

        Assert.Equal(ServingStatus.NotServing, (await host.CheckAsync("", Timeout)).Single().Status);
        Assert.Equal(ServingStatus.NotServing, (await host.CheckAsync("queue", Timeout)).Single().Status);
        Assert.Equal(ServingStatus.Serving, (await host.CheckAsync("db", Timeout)).Single().Status);
    }

    [Fact]
    public async Task Degraded_still_serves()
    {
        await using var host = await HealthTestHost.StartAsync();
        host.Database.Status = HealthStatus.Degraded;

        Assert.Equal(ServingStatus.Serving, (await host.CheckAsync("db", Timeout)).Single().Status);
    }

    [Fact]
    public async Task Check_runs_the_checks_on_every_call()
    {
        await using var host = await HealthTestHost.StartAsync();
        Assert.Equal(ServingStatus.Serving, (await host.CheckAsync("db", Timeout)).Single().Status);

        host.Database.Status = HealthStatus.Unhealthy;

        Assert.Equal(ServingStatus.NotServing, (await host.CheckAsync("db", Timeout)).Single().Status);
    }

    [Fact]
    public async Task Unknown_service_is_not_found()
    {
        await using var host = await HealthTestHost.StartAsync();

        var result = await host.CheckAsync("no.such.Service", Timeout);

        Assert.Equal((int)StatusCode.NotFound, result.Status);
        Assert.Empty(result.Responses);
        Assert.Contains("no.such.Service", result.Message);
    }

    [Fact]
    public async Task Unmapping_the_whole_server_makes_it_unknown()
    {
        await using var host = await HealthTestHost.StartAsync(o => o.Services.Unmap(""));

        Assert.Equal((int)StatusCode.NotFound, (await host.CheckAsync("", Timeout)).Status);
        Assert.Equal((int)StatusCode.OK, (await host.CheckAsync("db", Timeout)).Status);
    }

    [Fact]
    public async Task Mapped_grpc_services_are_answered_only_when_asked_for()
    {
        await using var plain = await HealthTestHost.StartAsync();
        Assert.Equal((int)StatusCode.NotFound, (await plain.CheckAsync(Health.Descriptor.FullName, Timeout)).Status);

        await using var mapped = await HealthTestHost.StartAsync(o => o.MapGrpcServices = true);
        Assert.Equal(ServingStatus.Serving, (await mapped.CheckAsync(Health.Descriptor.FullName, Timeout)).Single().Status);
        // A mapped service follows the whole server's checks.
        mapped.Queue.Status = HealthStatus.Unhealthy;
        Assert.Equal(ServingStatus.NotServing, (await mapped.CheckAsync(Health.Descriptor.FullName, Timeout)).Single().Status);
    }

    [Fact]
    public async Task List_reports_every_configured_name()
    {
        await using var host = await HealthTestHost.StartAsync(o => o.MapGrpcServices = true);
        host.Queue.Status = HealthStatus.Unhealthy;

        var result = await host.Client.UnaryAsync(HealthTestHost.ListPath, new HealthListRequest(), HealthListResponse.Parser, Timeout);

        var statuses = result.Single().Statuses.ToDictionary(p => p.Key, p => p.Value.Status);
        Assert.Equal(
            new Dictionary<string, ServingStatus>
            {
                [""] = ServingStatus.NotServing,
                ["db"] = ServingStatus.Serving,
                ["queue"] = ServingStatus.NotServing,
                [Health.Descriptor.FullName] = ServingStatus.NotServing,
            },
            statuses);
    }

    [Fact]
    public void Registering_returns_the_health_checks_builder_and_defaults_to_the_whole_server()
    {
        var services = new ServiceCollection();
        var builder = services.AddGrpcHealthChecks();
        builder.AddCheck("added-through-the-builder", () => HealthCheckResult.Healthy());
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GrpcHealthChecksOptions>>().Value;
        Assert.Equal([""], options.Services.Select(m => m.Name));
        Assert.Equal(TimeSpan.FromSeconds(5), options.WatchInterval);
        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(registrations, r => r.Name == "added-through-the-builder");
    }

    [Fact]
    public async Task Mapping_without_registering_explains_what_is_missing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcHealthChecksService());
        Assert.Contains("AddGrpcHealthChecks", error.Message);
    }
}
