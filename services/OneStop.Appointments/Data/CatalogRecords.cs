using Google.Protobuf;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

// Resources, schedules and appointment types are stored as their contract message (Payload) plus the columns that
// queries filter on, as the directory stores its entries. The message is the truth; the columns are copies of it.

/// <summary>A counsellor, interpreter or room.</summary>
public sealed class ResourceRecord
{
    public string Id { get; set; } = "";
    public string RegionAgs { get; set; } = "";
    public ResourceKind Kind { get; set; }
    public string OrganizationId { get; set; } = "";
    public string LocationId { get; set; } = "";

    /// <summary>Increases on every write; the etag.</summary>
    public long Version { get; set; }
    public byte[] Payload { get; set; } = [];

    public Resource ToProto() => Resource.Parser.ParseFrom(Payload);

    public void Store(Resource resource)
    {
        Id = resource.Id;
        RegionAgs = resource.RegionAgs;
        Kind = resource.Kind;
        OrganizationId = resource.OrganizationId;
        LocationId = resource.LocationId;
        Payload = resource.ToByteArray();
    }
}

/// <summary>One resource's weekly windows, overrides, closures, holidays and buffers.</summary>
public sealed class ScheduleRecord
{
    public string ResourceId { get; set; } = "";
    public string RegionAgs { get; set; } = "";
    public long Version { get; set; }
    public byte[] Payload { get; set; } = [];

    public ResourceSchedule ToProto() => ResourceSchedule.Parser.ParseFrom(Payload);
}

public sealed class AppointmentTypeRecord
{
    public string Id { get; set; } = "";
    public string RegionAgs { get; set; } = "";
    public long Version { get; set; }
    public byte[] Payload { get; set; } = [];

    public AppointmentType ToProto() => AppointmentType.Parser.ParseFrom(Payload);
}
