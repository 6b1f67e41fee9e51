using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace OneStop.Grpc.Reflection;

/// <summary>
/// Builds the <see cref="DescriptorIndex"/> from the app's endpoints on first use and again only when the
/// endpoints change. First use rather than construction, because endpoints are mapped after services are built.
/// </summary>
internal sealed class DescriptorIndexProvider(EndpointDataSource endpoints)
{
    private readonly Lock _lock = new();
    private DescriptorIndex? _index;
    private IChangeToken? _changeToken;

    public DescriptorIndex GetIndex()
    {
        lock (_lock)
        {
            if (_index is null || _changeToken is null || _changeToken.HasChanged)
            {
                // Take the token before reading, so a change made while building shows up next time.
                _changeToken = endpoints.GetChangeToken();
                _index = Build(endpoints);
            }
            return _index;
        }
    }

    private static DescriptorIndex Build(EndpointDataSource endpoints)
    {
        var services = GrpcEndpointServices.Find(endpoints);
        var descriptors = services.Select(s => GrpcEndpointServices.FindDescriptor(s.ServiceType))
            .OfType<Google.Protobuf.Reflection.ServiceDescriptor>();
        return new DescriptorIndex(services.Select(s => s.Name), descriptors);
    }
}
