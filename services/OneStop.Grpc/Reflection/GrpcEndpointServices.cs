using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace OneStop.Grpc.Reflection;

/// <summary>One gRPC service mapped in the app, as its endpoints' metadata describe it.</summary>
internal sealed record MappedGrpcService(string Name, Type ServiceType);

/// <summary>
/// Finds the gRPC services an app actually serves by reading <see cref="GrpcMethodMetadata"/> off its endpoints,
/// so reflection and health answer for what is mapped rather than for a list someone has to keep in sync.
/// </summary>
internal static class GrpcEndpointServices
{
    /// <summary>Each mapped service once, in the order its first endpoint appears.</summary>
    public static IReadOnlyList<MappedGrpcService> Find(EndpointDataSource endpoints)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MappedGrpcService>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } metadata) continue;
            if (seen.Add(metadata.Method.ServiceName)) result.Add(new MappedGrpcService(metadata.Method.ServiceName, metadata.ServiceType));
        }
        return result;
    }

    /// <summary>
    /// The protobuf descriptor of a service implementation: its generated base carries
    /// <see cref="BindServiceMethodAttribute"/> naming the generated static class, whose static <c>Descriptor</c>
    /// property is the <see cref="ServiceDescriptor"/>. Null for hand-written bindings that have none.
    /// </summary>
    public static ServiceDescriptor? FindDescriptor(Type serviceType)
    {
        for (Type? type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } attribute) continue;
            var property = attribute.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
            return property?.PropertyType == typeof(ServiceDescriptor) ? (ServiceDescriptor?)property.GetValue(null) : null;
        }
        return null;
    }
}
