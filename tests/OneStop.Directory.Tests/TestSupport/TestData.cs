using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Tests.TestSupport;

/// <summary>Callers and minimal valid entries of a small county: Kreis 05766 with the Gemeinde Detmold (05766020).</summary>
public static class TestData
{
    public const string Kreis = "05766";
    public const string Gemeinde = "05766020";

    public static readonly CallerIdentity KreisAdmin = new("admin-kreis", "kreis-lippe", Kreis, new HashSet<string> { OneStopRoles.RegionAdmin });
    public static readonly CallerIdentity GemeindeAdmin = new("admin-detmold", "stadt-detmold", Gemeinde, new HashSet<string> { OneStopRoles.RegionAdmin });
    public static readonly CallerIdentity OrgA = new("system-a", "org-a", Kreis, new HashSet<string> { OneStopRoles.AgencySystem });
    public static readonly CallerIdentity OrgB = new("system-b", "org-b", Kreis, new HashSet<string> { OneStopRoles.AgencySystem });

    public static Ownership Owned(string organizationId, string regionAgs = Kreis) => new() { OrganizationId = organizationId, RegionAgs = regionAgs };

    public static Organization Organization(string id, string regionAgs = Kreis) => new()
    {
        Id = id,
        Name = $"Organisation {id}",
        AgencyType = AgencyType.Mbe,
        Ownership = Owned(id, regionAgs),
    };

    public static Service Service(string id, string organizationId, string regionAgs = Kreis) => new()
    {
        Id = id,
        OrganizationId = organizationId,
        Name = $"Beratung {id}",
        Description = "Migrationsberatung für Erwachsene",
        Status = ServiceStatus.Active,
        Topics = { Topic.Arbeit },
        Languages = { "de", "en" },
        Ownership = Owned(organizationId, regionAgs),
    };

    public static Location Location(string id, string organizationId) => new()
    {
        Id = id,
        OrganizationId = organizationId,
        LocationType = LocationType.Physical,
        Name = $"Standort {id}",
        Address = new Address { Address1 = "Markt 1", PostalCode = "32756", City = "Detmold", MunicipalityAgs = Gemeinde, Country = "DE" },
        Ownership = Owned(organizationId),
    };
}
