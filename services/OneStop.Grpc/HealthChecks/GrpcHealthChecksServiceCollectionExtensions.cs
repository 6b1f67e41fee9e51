using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Grpc.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcHealthChecksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>grpc.health.v1.Health</c> over ASP.NET Core health checks; map it with
    /// <c>MapGrpcHealthChecksService</c>. Returns the health-checks builder so checks can be added in the same chain.
    /// </summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, Action<GrpcHealthChecksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrpcHealthChecksOptions>()
            .Validate(o => o.WatchInterval > TimeSpan.Zero, "GrpcHealthChecksOptions.WatchInterval must be positive.");
        if (configure is not null) options.Configure(configure);
        // Endpoint discovery (MapGrpcServices) reads the routing's EndpointDataSource.
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HealthStatusEvaluator>();
        services.TryAddSingleton<GrpcHealthChecksService>();
        return services.AddHealthChecks();
    }
}
