using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OneStop.Grpc.Tests.HealthChecks;

/// <summary>grpc.health.v1.Health Watch: the status at once, then each change, until the call or the server ends.</summary>
public sealed class HealthWatchTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    private CancellationToken Timeout => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Sends_the_current_status_then_only_changes()
    {
        await using var host = await HealthTestHost.StartAsync();
        await using var call = await StartWatchAsync(host, "db");

        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);

        host.Database.Status = HealthStatus.Unhealthy;
        Assert.Equal(ServingStatus.NotServing, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);

        host.Database.Status = HealthStatus.Healthy;
        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);
    }

    [Fact]
    public async Task Sends_nothing_while_the_status_stays_the_same()
    {
        await using var host = await HealthTestHost.StartAsync();
        await using var call = await StartWatchAsync(host, "");
        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);

        // Ten intervals without a change: nothing may arrive, and the call must still be open.
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.ReadAsync(HealthCheckResponse.Parser, quiet.Token));
    }

    [Fact]
    public async Task Unknown_service_is_reported_as_service_unknown_without_ending_the_call()
    {
        await using var host = await HealthTestHost.StartAsync();
        await using var call = await StartWatchAsync(host, "no.such.Service");

        Assert.Equal(ServingStatus.ServiceUnknown, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);

        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.ReadAsync(HealthCheckResponse.Parser, quiet.Token));
    }

    [Fact]
    public async Task Stopping_the_server_tells_watchers_not_serving_and_ends_the_call_cleanly()
    {
        await using var host = await HealthTestHost.StartAsync();
        await using var call = await StartWatchAsync(host, "");
        Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);

        var stopping = host.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        stopping.StopApplication();

        Assert.Equal(ServingStatus.NotServing, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);
        Assert.Null(await call.ReadAsync(HealthCheckResponse.Parser, Timeout));
        Assert.Equal((int)StatusCode.OK, (await call.GetStatusAsync()).Status);
    }

    [Fact]
    public async Task Cancelling_the_call_stops_the_server_from_polling()
    {
        await using var host = await HealthTestHost.StartAsync();
        await using (var call = await StartWatchAsync(host, "db"))
        {
            Assert.Equal(ServingStatus.Serving, (await call.ReadAsync(HealthCheckResponse.Parser, Timeout))?.Status);
            // While watched, the check is re-run every interval (50 ms).
            await WaitUntilAsync(() => host.Database.Runs >= 3);
        }

        // Disposing reset the stream. Once the server has seen that (give it up to 10 s on a busy machine), the
        // check must stay idle for 300 ms, six intervals; a loop still polling never gets that quiet.
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        int runs;
        do
        {
            runs = host.Database.Runs;
            await Task.Delay(300, Timeout);
        }
        while (host.Database.Runs != runs && DateTime.UtcNow < giveUp);
        Assert.Equal(runs, host.Database.Runs);
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition()) await Task.Delay(20, Timeout);
    }

    private async Task<TestSupport.RawGrpcCall> StartWatchAsync(HealthTestHost host, string service)
    {
        var call = host.Client.Start(HealthTestHost.WatchPath, Timeout);
        await call.SendAsync(new HealthCheckRequest { Service = service });
        call.CompleteRequests();
        return call;
    }
}
