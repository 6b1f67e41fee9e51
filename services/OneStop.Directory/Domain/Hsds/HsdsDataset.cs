using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>The records an HSDS document holds, as contract types.</summary>
public sealed record HsdsDataset(
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Service> Services,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<ServiceAtLocation> ServicesAtLocation);
