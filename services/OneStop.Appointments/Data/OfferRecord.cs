namespace OneStop.Appointments.Data;

/// <summary>
/// The server-side state of one open request, for statistics only: a client (pseudonymous id) asked for a need (an
/// appointment type, kept as a key), and FindJointSlots first offered at least one slot for it at
/// <see cref="FirstOfferedAt"/>. Later searches for the same open request leave the row alone, so the first offer
/// counts; the booking that answers the request closes it (<see cref="AppointmentId"/>). Nothing personal: no name,
/// no slot, no resource. Unbooked rows are purged after <c>OneStop:Appointments:OfferRetention</c>.
/// </summary>
public sealed class OfferRecord
{
    public string Id { get; set; } = "";
    public string RegionAgs { get; set; } = "";

    /// <summary>The pseudonymous client id of the search.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>SHA-256 (hex) of the need, see <see cref="OfferNeed"/>; not the need itself.</summary>
    public string NeedKey { get; set; } = "";

    /// <summary>UTC: when the client asked (the first search's requested_at, else its time).</summary>
    public DateTime RequestedAt { get; set; }

    /// <summary>UTC: when FindJointSlots first offered a slot for this request.</summary>
    public DateTime FirstOfferedAt { get; set; }

    /// <summary>The appointment that answered the request; null while the request is open.</summary>
    public string? AppointmentId { get; set; }

    /// <summary>UTC: when that appointment was booked.</summary>
    public DateTime? BookedAt { get; set; }
}
