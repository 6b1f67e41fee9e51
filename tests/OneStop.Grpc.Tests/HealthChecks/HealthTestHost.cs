using Grpc.AspNetCore.HealthChecks;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.HealthChecks;

/// <summary>
/// A Kestrel host serving grpc.health.v1 over two checks the test controls: "database" (tag "db") and "queue"
/// (tag "queue"), with the service names "db" and "queue" mapped to them besides "" for the whole server.
/// </summary>
public sealed class HealthTestHost : IAsyncDisposable
{
    public const string CheckPath = "/grpc.health.v1.Health/Check";
    public const string ListPath = "/grpc.health.v1.Health/List";
    public const string WatchPath = "/grpc.health.v1.Health/Watch";

    private HealthTestHost(TestHost host, MutableHealthCheck database, MutableHealthCheck queue)
    {
        Host = host;
        Client = new RawGrpcStreamingClient(host.Address);
        Database = database;
        Queue = queue;
    }

    public TestHost Host { get; }
    public RawGrpcStreamingClient Client { get; }
    public MutableHealthCheck Database { get; }
    public MutableHealthCheck Queue { get; }

    public static async Task<HealthTestHost> StartAsync(Action<GrpcHealthChecksOptions>? configure = null,
        Action<IEndpointRouteBuilder>? mapMore = null)
    {
        var database = new MutableHealthCheck();
        var queue = new MutableHealthCheck();
        var host = await TestHost.StartAsync(
            services =>
            {
                services.AddGrpc();
                services.AddGrpcHealthChecks(o =>
                    {
                        o.Services.MapTags("db", "db");
                        o.Services.MapTags("queue", "queue");
                        // Short, so a Watch sees a flip well within a test's patience; the default is 5 s.
                        o.WatchInterval = TimeSpan.FromMilliseconds(50);
                        configure?.Invoke(o);
                    })
                    .AddCheck("database", database, tags: ["db"])
                    .AddCheck("queue", queue, tags: ["queue"]);
            },
            endpoints =>
            {
                endpoints.MapGrpcHealthChecksService();
                mapMore?.Invoke(endpoints);
            });
        return new HealthTestHost(host, database, queue);
    }

    public Task<RawGrpcResult<HealthCheckResponse>> CheckAsync(string service, CancellationToken cancellationToken = default) =>
        Client.UnaryAsync(CheckPath, new HealthCheckRequest { Service = service }, HealthCheckResponse.Parser, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
