using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OneStop.Grpc.Tests.HealthChecks;

/// <summary>The generated Health client over OneStop's GrpcChannel, as services and probes will call it.</summary>
public sealed class HealthClientTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Check_and_watch_through_the_generated_client()
    {
        await using var host = await HealthTestHost.StartAsync();
        using var channel = host.Host.CreateChannel();
        var client = new Health.HealthClient(channel);

        Assert.Equal(ServingStatus.Serving, (await client.CheckAsync(new HealthCheckRequest(), cancellationToken: _timeout.Token)).Status);
        var notFound = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }, cancellationToken: _timeout.Token));
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);

        using var watch = client.Watch(new HealthCheckRequest { Service = "db" }, cancellationToken: _timeout.Token);
        Assert.True(await watch.ResponseStream.MoveNext(_timeout.Token));
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
        host.Database.Status = HealthStatus.Unhealthy;
        Assert.True(await watch.ResponseStream.MoveNext(_timeout.Token));
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);
    }
}
