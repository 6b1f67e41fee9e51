using OneStop.Directory.V1;

namespace OneStop.Directory.Data;

// The four entry tables. Each copies the columns it is queried by; everything else lives in the payload.

public sealed class OrganizationRecord : EntryRecord<Organization>
{
    protected override void CopyColumns(Organization entry) => Id = entry.Id;
}

public sealed class ServiceRecord : EntryRecord<Service>
{
    /// <summary>The providing organization (service.organization_id), which may differ from the owner.</summary>
    public string OrganizationId { get; set; } = "";

    public ServiceStatus Status { get; set; }

    /// <summary>assured_date; null when never assured. Drives the staleness report.</summary>
    public DateOnly? AssuredDate { get; set; }

    protected override void CopyColumns(Service entry)
    {
        Id = entry.Id;
        OrganizationId = entry.OrganizationId;
        Status = entry.Status;
        AssuredDate = entry.AssuredDate is { } d ? new DateOnly(d.Year, d.Month, d.Day) : null;
    }
}

public sealed class LocationRecord : EntryRecord<Location>
{
    public string OrganizationId { get; set; } = "";

    protected override void CopyColumns(Location entry)
    {
        Id = entry.Id;
        OrganizationId = entry.OrganizationId;
    }
}

public sealed class ServiceAtLocationRecord : EntryRecord<ServiceAtLocation>
{
    public string ServiceId { get; set; } = "";
    public string LocationId { get; set; } = "";

    protected override void CopyColumns(ServiceAtLocation entry)
    {
        Id = entry.Id;
        ServiceId = entry.ServiceId;
        LocationId = entry.LocationId;
    }
}
