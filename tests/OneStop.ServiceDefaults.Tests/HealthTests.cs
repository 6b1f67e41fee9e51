using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using OneStop.ServiceDefaults.Tests.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_and_reflection_are_served_anonymously()
    {
        await using var host = await DefaultsHost.StartAsync();
        var reply = await new Health.HealthClient(host.Channel)
            .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        Assert.StartsWith("http://127.0.0.1:", host.Address);
        Assert.DoesNotContain(":5999", host.Address);
    }

    [Fact]
    public async Task Http1_requests_are_refused_because_the_port_is_h2c_only()
    {
        await using var host = await DefaultsHost.StartAsync();
        using var http = new HttpClient { DefaultRequestVersion = System.Net.HttpVersion.Version11, Timeout = TimeSpan.FromSeconds(10) };
        // Kestrel answers an HTTP/1.x request on an HTTP/2-only endpoint with 400 and closes the connection.
        using var response = await http.GetAsync(host.Address + "/");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTP/2 only", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_ignores_an_unhealthy_database_that_readiness_reports()
    {
        // A failing check registered the way AddOneStopDbContext registers the database's.
        await using var host = await DefaultsHost.StartAsync(services: s => s.AddHealthChecks()
            .AddCheck("db", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("down"), tags: ["db"]));
        var health = new Health.HealthClient(host.Channel);
        var readiness = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        var liveness = await health.CheckAsync(new HealthCheckRequest { Service = Microsoft.Extensions.Hosting.ServiceDefaultsExtensions.LivenessService },
            deadline: DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, readiness.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
    }
}
