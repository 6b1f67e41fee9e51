using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

/// <summary>
/// One committed change of an appointment, for WatchAppointments. <see cref="Version"/> is the autoincrement key:
/// service-wide and strictly increasing.
/// </summary>
public sealed class ChangeRecord
{
    public long Version { get; set; }
    public string AppointmentId { get; set; } = "";
    public string RegionAgs { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The appointment as stored by this change (protobuf).</summary>
    public byte[] Payload { get; set; } = [];

    public AppointmentChange ToProto() => new() { Version = Version, Appointment = Appointment.Parser.ParseFrom(Payload) };
}
