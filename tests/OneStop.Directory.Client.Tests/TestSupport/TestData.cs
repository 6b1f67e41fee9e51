using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client.Tests.TestSupport;

public static class TestData
{
    public static Service Service(string id, string name) => new()
    {
        Id = id,
        OrganizationId = "org-1",
        Name = name,
        Status = ServiceStatus.Active,
        Topics = { Topic.Anerkennung },
        Translations =
        {
            new Translation { Language = "de", Name = name },
            new Translation { Language = "en", Name = name + " (en)" },
        },
        LastModified = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)),
    };

    public static Change Upserted(long version, Service service) => new()
    {
        Version = version,
        EntityType = EntityType.Service,
        Id = service.Id,
        Kind = ChangeKind.Upserted,
        Service = service,
    };

    public static Change Deleted(long version, string serviceId) => new()
    {
        Version = version,
        EntityType = EntityType.Service,
        Id = serviceId,
        Kind = ChangeKind.Deleted,
    };
}
