using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace OneStop.Gateway.Forwarding.Health;

/// <summary>
/// Passive health: a destination whose call failed at the transport level (refused connection, reset, a backend
/// gone in the middle of a stream) leaves the rotation for the cluster's <c>Passive:ReactivationPeriod</c>. One
/// failure is enough: YARP's TransportFailureRate waits for a failure rate over many calls, while a gRPC backend
/// that refuses connections is simply down. The client leaving, its deadline or its own body do not count.
/// </summary>
public sealed class TransportFailurePolicy(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "TransportFailure";
    public static readonly TimeSpan DefaultReactivationPeriod = TimeSpan.FromSeconds(10);

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.Features.Get<Yarp.ReverseProxy.Forwarder.IForwarderErrorFeature>() is not ForwardingFailure { IsBackendsFault: true }) return;
        var period = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? DefaultReactivationPeriod;
        health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, period);
    }
}
