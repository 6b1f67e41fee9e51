namespace Grpc.AspNetCore.HealthChecks;

/// <summary>How <c>grpc.health.v1.Health</c> turns ASP.NET Core health checks into serving statuses.</summary>
public sealed class GrpcHealthChecksOptions
{
    /// <summary>The service names answered, each with its checks. By default only "" (the whole server), over all checks.</summary>
    public ServiceMappingCollection Services { get; } = CreateDefaultServices();

    /// <summary>How often a Watch call re-runs its checks to look for a change. Five seconds by default.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When true, every gRPC service mapped in the app that <see cref="Services"/> does not name is answered too,
    /// with the checks of "" (all checks if "" is unmapped), so probes can ask by the name of the service they use.
    /// </summary>
    public bool MapGrpcServices { get; set; }

    private static ServiceMappingCollection CreateDefaultServices()
    {
        var services = new ServiceMappingCollection();
        services.Map("", _ => true);
        return services;
    }
}
