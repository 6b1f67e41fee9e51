using Google.Protobuf;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

/// <summary>
/// An appointment: the contract message (Payload, the truth, with participant statuses) plus the columns that
/// ListAppointments, statistics and the client's open-booking limit filter on.
/// </summary>
public sealed class AppointmentRecord
{
    public string Id { get; set; } = "";
    public string RegionAgs { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string AppointmentTypeId { get; set; } = "";
    public string LocationId { get; set; } = "";
    public AppointmentStatus Status { get; set; }

    /// <summary>UTC.</summary>
    public DateTime Start { get; set; }

    /// <summary>UTC.</summary>
    public DateTime End { get; set; }

    /// <summary>RFC 5545 SEQUENCE, also the optimistic concurrency token: two writers of one appointment cannot both commit.</summary>
    public int Sequence { get; set; }

    public byte[] Payload { get; set; } = [];

    public List<ParticipantRecord> Participants { get; set; } = [];

    public Appointment ToProto() => Appointment.Parser.ParseFrom(Payload);

    /// <summary>Copies the message into the row; participants are written once, when the appointment is created or moved.</summary>
    public void Store(Appointment appointment)
    {
        Id = appointment.Id;
        RegionAgs = appointment.RegionAgs;
        ClientId = appointment.ClientId;
        AppointmentTypeId = appointment.AppointmentTypeId;
        LocationId = appointment.LocationId;
        Status = appointment.Status;
        Start = appointment.Start.ToDateTime();
        End = appointment.End.ToDateTime();
        Sequence = appointment.Sequence;
        Payload = appointment.ToByteArray();
    }
}

/// <summary>Which resources (and so which agencies) take part in an appointment: the index behind "by agency / by resource".</summary>
public sealed class ParticipantRecord
{
    public string AppointmentId { get; set; } = "";
    public string ResourceId { get; set; } = "";
    public string OrganizationId { get; set; } = "";
}
