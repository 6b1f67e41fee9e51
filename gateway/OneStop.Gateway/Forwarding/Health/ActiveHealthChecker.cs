using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace OneStop.Gateway.Forwarding.Health;

/// <summary>
/// Probes every destination of every cluster with grpc.health.v1 Check at the cluster's interval. NOT_SERVING,
/// an error or no answer within the timeout takes a destination out of rotation; SERVING brings it back (and ends
/// a passive failure period early). A backend without the health service (UNIMPLEMENTED) counts as serving.
/// </summary>
public sealed class ActiveHealthChecker(ProxyStateProvider state, ForwarderHttpClient client, TimeProvider clock, ILogger<ActiveHealthChecker> logger)
    : BackgroundService
{
    /// <summary>How often the loop looks for clusters that are due; the clusters' own intervals are coarser.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();
    private readonly Dictionary<string, DateTimeOffset> _nextProbe = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            await ProbeDueClustersAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One round: every cluster whose interval has passed is probed, its destinations in parallel.</summary>
    public async Task ProbeDueClustersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var probes = new List<Task>();
        foreach (var cluster in state.Clusters.Values)
        {
            var active = cluster.Config.HealthCheck.Active;
            if (!active.Enabled) continue;
            if (_nextProbe.TryGetValue(cluster.Id, out var due) && due > now) continue;
            _nextProbe[cluster.Id] = now + active.Interval;
            probes.AddRange(cluster.Destinations.Select(d => ProbeAsync(cluster, d, cancellationToken)));
        }
        await Task.WhenAll(probes);
    }

    private async Task ProbeAsync(ClusterState cluster, DestinationState destination, CancellationToken cancellationToken)
    {
        var active = cluster.Config.HealthCheck.Active;
        var healthy = false;
        string reason;
        try
        {
            var health = new global::Grpc.Health.V1.Health.HealthClient(ChannelFor(destination.Address));
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = active.Service },
                deadline: DateTime.UtcNow + active.Timeout, cancellationToken: cancellationToken);
            healthy = reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            reason = reply.Status.ToString();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            // As gRPC's own client-side health checking does: a server without the health service cannot be
            // probed, so it counts as serving (passive checks still catch it failing).
            healthy = true;
            reason = "no grpc.health.v1 service; treated as serving";
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"{e.StatusCode}: {e.Status.Detail}";
        }
        var wasHealthy = destination.ActiveHealthy;
        destination.RecordProbe(healthy, active.ConsecutiveFailuresThreshold);
        if (wasHealthy != destination.ActiveHealthy)
        {
            logger.Log(healthy ? LogLevel.Information : LogLevel.Warning, "Destination {Destination} ({Address}) of cluster {Cluster} is now {State} ({Reason})",
                destination.Name, destination.Address, cluster.Id, healthy ? "healthy" : "unhealthy", reason);
        }
        if (healthy) destination.ClearPassiveFailure();
    }

    /// <summary>
    /// One channel per address over the forwarder's shared handler (the probe reuses its connections). Passed as an
    /// HttpClient, not as HttpHandler: grpc-dotnet would set up a SocketsHttpHandler given to it for its own
    /// connection management, and the forwarder's handler is already in use.
    /// </summary>
    private GrpcChannel ChannelFor(Uri address) => _channels.GetOrAdd(address, a =>
        GrpcChannel.ForAddress(a, new GrpcChannelOptions { HttpClient = new HttpClient(client.Handler, disposeHandler: false), DisposeHttpClient = true }));

    public override void Dispose()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
        base.Dispose();
    }
}
