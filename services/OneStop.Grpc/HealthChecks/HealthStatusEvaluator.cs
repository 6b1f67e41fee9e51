using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneStop.Grpc.Reflection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OneStop.Grpc.HealthChecks;

/// <summary>Resolves a gRPC health service name to its checks and runs them into a serving status.</summary>
internal sealed class HealthStatusEvaluator(HealthCheckService healthChecks, IOptions<GrpcHealthChecksOptions> options, EndpointDataSource endpoints)
{
    public GrpcHealthChecksOptions Options => options.Value;

    /// <summary>The checks that decide <paramref name="service"/>, or null when the name is not answered.</summary>
    public Func<HealthCheckRegistration, bool>? FindPredicate(string service)
    {
        var services = options.Value.Services;
        if (services.TryGet(service, out var mapping)) return mapping.Predicate;
        if (!options.Value.MapGrpcServices) return null;
        // Endpoints are read per call, not at construction: they are mapped after services are built.
        if (!GrpcEndpointServices.Find(endpoints).Any(s => s.Name == service)) return null;
        return services.TryGet("", out var server) ? server.Predicate : _ => true;
    }

    /// <summary>Every answered name: the configured ones, then (if enabled) the mapped gRPC services not already named.</summary>
    public IReadOnlyList<string> ServiceNames()
    {
        var names = options.Value.Services.Select(m => m.Name).ToList();
        if (options.Value.MapGrpcServices)
        {
            names.AddRange(GrpcEndpointServices.Find(endpoints).Select(s => s.Name).Where(n => !names.Contains(n)));
        }
        return names;
    }

    /// <summary>Degraded still serves: it means "working, but worse", not "send traffic elsewhere".</summary>
    public async Task<ServingStatus> EvaluateAsync(Func<HealthCheckRegistration, bool> predicate, CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(predicate, cancellationToken).ConfigureAwait(false);
        return report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
    }
}
