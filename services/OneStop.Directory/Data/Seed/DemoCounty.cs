using OneStop.Directory.V1;

namespace OneStop.Directory.Data.Seed;

/// <summary>
/// The demo county the directory is seeded with: a Kreis modelled on Kreis Lippe (AGS 05766, NRW) with its 16
/// Gemeinden, three Planungsräume, the agencies of its integration landscape, their locations and services.
/// Each property returns new, equal objects on every call, with fixed ids and dates, so seeding twice gives the
/// same records and a caller may change what it gets without touching anyone else's copy.
/// </summary>
public static class DemoCounty
{
    /// <summary>The Kreis's AGS.</summary>
    public const string KreisAgs = DemoRegions.KreisAgs;

    /// <summary>Land, Kreis, Planungsräume and the 16 Gemeinden.</summary>
    public static IReadOnlyList<Region> Regions => DemoRegions.Create();

    public static IReadOnlyList<Organization> Organizations => DemoOrganizations.Create();

    public static IReadOnlyList<Location> Locations => DemoLocations.Create();

    public static IReadOnlyList<Service> Services => DemoServices.Create();

    public static IReadOnlyList<ServiceAtLocation> ServicesAtLocation => DemoServicesAtLocation.Create(DemoServices.Create());
}
