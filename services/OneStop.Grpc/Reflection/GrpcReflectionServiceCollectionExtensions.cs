using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Grpc.Reflection;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcReflectionServiceCollectionExtensions
{
    /// <summary>Registers gRPC server reflection; map it with <c>MapGrpcReflectionService</c>.</summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Endpoint discovery reads the routing's EndpointDataSource.
        services.AddRouting();
        services.TryAddSingleton<DescriptorIndexProvider>();
        services.TryAddSingleton<ServerReflectionV1AlphaService>();
        services.TryAddSingleton<ServerReflectionV1Service>();
        return services;
    }
}
