using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Health.V1;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace OneStop.Gateway.Forwarding.Health;

/// <summary>
/// Judges <see cref="GrpcHealthProbe"/>'s answers. SERVING is healthy; NOT_SERVING, an error or no answer within
/// the timeout counts as a failure, and a destination leaves the rotation after
/// <c>ConsecutiveFailuresHealthPolicy.Threshold</c> (cluster metadata, default 2) failures in a row, so one slow
/// probe on a busy machine does not drop a backend. A server without the health service (UNIMPLEMENTED) counts as
/// serving, as in gRPC's own client-side health checking; passive checks still catch it failing.
/// </summary>
public sealed class GrpcHealthPolicy(IDestinationHealthUpdater health, ILogger<GrpcHealthPolicy> logger) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "GrpcHealth";
    public const string ThresholdMetadataKey = "ConsecutiveFailuresHealthPolicy.Threshold";
    private const int DefaultThreshold = 2;

    private readonly ConditionalWeakTable<DestinationState, FailureCount> _failures = new();

    public string Name => PolicyName;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var threshold = cluster.Model.Config.Metadata?.GetValueOrDefault(ThresholdMetadataKey) is { } text && int.TryParse(text, out var t) && t > 0
            ? t : DefaultThreshold;
        var verdicts = new List<NewActiveDestinationHealth>(probingResults.Count);
        foreach (var result in probingResults)
        {
            var destination = result.Destination;
            var (serving, reason) = Evaluate(result);
            var failures = _failures.GetOrCreateValue(destination);
            failures.Value = serving ? 0 : failures.Value + 1;
            var previous = destination.Health.Active;
            var next = serving ? DestinationHealth.Healthy : failures.Value >= threshold ? DestinationHealth.Unhealthy : previous;
            verdicts.Add(new NewActiveDestinationHealth(destination, next));
            if (next != previous && (next == DestinationHealth.Unhealthy || previous == DestinationHealth.Unhealthy))
            {
                logger.Log(serving ? LogLevel.Information : LogLevel.Warning, "Destination {Destination} of cluster {Cluster} is now {State} ({Reason})",
                    destination.DestinationId, cluster.ClusterId, serving ? "healthy" : "unhealthy", reason);
            }
            // A serving backend is back: a passive failure period (a refused connection earlier) ends early.
            if (serving && destination.Health.Passive == DestinationHealth.Unhealthy)
            {
                health.SetPassive(cluster, destination, DestinationHealth.Healthy, TimeSpan.Zero);
            }
        }
        health.SetActive(cluster, verdicts);
    }

    /// <summary>The response is buffered (<see cref="GrpcHealthProbe.ResponseBuffering"/>), so reading it here does not wait.</summary>
    internal static (bool Serving, string Reason) Evaluate(DestinationProbingResult result)
    {
        if (result.Response is not { } response) return (false, result.Exception?.Message ?? "no answer");
        if ((int)response.StatusCode != StatusCodes.Status200OK) return (false, $"HTTP {(int)response.StatusCode}");
        var status = GrpcStatusOf(response);
        if (status == ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture))
            return (true, "no grpc.health.v1 service; treated as serving");
        if (status != "0") return (false, $"grpc-status {status ?? "missing"}");
        var body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (body.Length < 5 || body[0] != 0) return (false, "no uncompressed HealthCheckResponse");
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        if (length > body.Length - 5) return (false, "truncated HealthCheckResponse");
        var reply = HealthCheckResponse.Parser.ParseFrom(body, 5, (int)length);
        return (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving, reply.Status.ToString());
    }

    /// <summary>In the trailers, or in the headers of a Trailers-Only answer.</summary>
    private static string? GrpcStatusOf(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.ToString()
        : response.TrailingHeaders.NonValidated.TryGetValues("grpc-status", out var inTrailers) ? inTrailers.ToString()
        : null;

    private sealed class FailureCount
    {
        public int Value;
    }
}
