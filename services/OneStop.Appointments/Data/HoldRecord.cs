namespace OneStop.Appointments.Data;

/// <summary>
/// A tentative reservation of every resource of one slot. Its allocation rows carry <see cref="ExpiresAt"/> as
/// their FreedAt, so an expired hold stops blocking without anyone deleting it first.
/// </summary>
public sealed class HoldRecord
{
    public string Id { get; set; } = "";
    public string RegionAgs { get; set; } = "";

    /// <summary>The caller's sub: only they may book it.</summary>
    public string Holder { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string AppointmentTypeId { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Set when a booking consumed the hold; a consumed hold cannot be booked twice.</summary>
    public string? ConsumedByAppointmentId { get; set; }

    /// <summary>The Hold message as returned to the holder (protobuf).</summary>
    public byte[] Payload { get; set; } = [];
}
