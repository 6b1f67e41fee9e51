using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Grpc.HealthChecks;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcHealthChecksEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>grpc.health.v1.Health</c>, registered by <c>AddGrpcHealthChecks</c>.</summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Asks whether it is registered without building it: building it now would be harmless but needlessly early.
        if (builder.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(HealthStatusEvaluator)) != true)
        {
            throw new InvalidOperationException("Call services.AddGrpcHealthChecks() before MapGrpcHealthChecksService.");
        }
        return builder.MapGrpcService<GrpcHealthChecksService>();
    }
}
