using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Grpc.Reflection;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps server reflection under both names clients use: <c>grpc.reflection.v1</c> and the older
    /// <c>grpc.reflection.v1alpha</c>, which most tools still ask for first.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(DescriptorIndexProvider)) != true)
        {
            throw new InvalidOperationException("Call services.AddGrpcReflection() before MapGrpcReflectionService.");
        }
        var v1 = builder.MapGrpcService<ServerReflectionV1Service>();
        var v1Alpha = builder.MapGrpcService<ServerReflectionV1AlphaService>();
        return new GrpcServiceEndpointConventionBuilder([v1, v1Alpha]);
    }
}
