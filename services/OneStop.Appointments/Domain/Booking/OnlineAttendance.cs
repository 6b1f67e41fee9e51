using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Whether an appointment may be held online: only when its type says so (<c>online_possible</c>). Some meetings
/// (identity checks at the Ausländerbehörde, signatures) need the client in the room, so a link on such a type is
/// refused rather than silently stored.
/// </summary>
public static class OnlineAttendance
{
    /// <summary>INVALID_ARGUMENT on <c>online_link</c> when a link is given for a type that cannot be held online.</summary>
    public static void EnsureAllowed(AppointmentType type, string onlineLink)
    {
        if (onlineLink.Length > 0 && !type.OnlinePossible)
        {
            throw DomainException.InvalidArgument("online_link", $"appointment type '{type.Id}' cannot be held online.");
        }
    }
}
