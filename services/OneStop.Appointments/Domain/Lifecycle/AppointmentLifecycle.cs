using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>
/// The status changes after booking. Each method returns the new status or throws FAILED_PRECONDITION:
/// <code>
///   BOOKED  ── CheckIn ──▶ ARRIVED ── Complete ──▶ FULFILLED
///   BOOKED  ── MarkNoShow (only once the start has passed) ──▶ NOSHOW
///   PROPOSED, PENDING, BOOKED ── Cancel ──▶ CANCELLED
/// </code>
/// PROPOSED (a required participant declined) may be cancelled too, so that a slot nobody can keep does not stay
/// allocated. Responses (PENDING ↔ BOOKED ↔ PROPOSED) are <see cref="ParticipantResponses"/>.
/// </summary>
public static class AppointmentLifecycle
{
    public static AppointmentStatus CheckIn(AppointmentStatus current) =>
        current == AppointmentStatus.Booked ? AppointmentStatus.Arrived : throw Refused("check in", current, "BOOKED");

    public static AppointmentStatus MarkNoShow(AppointmentStatus current, DateTimeOffset start, DateTimeOffset now)
    {
        if (current != AppointmentStatus.Booked)
        {
            throw Refused("mark as no-show", current, "BOOKED");
        }
        if (now < start)
        {
            throw DomainException.FailedPrecondition($"the appointment starts at {start:yyyy-MM-ddTHH:mm}Z; a no-show can be recorded only after that");
        }
        return AppointmentStatus.Noshow;
    }

    public static AppointmentStatus Complete(AppointmentStatus current) =>
        current == AppointmentStatus.Arrived ? AppointmentStatus.Fulfilled : throw Refused("complete", current, "ARRIVED");

    public static AppointmentStatus Cancel(AppointmentStatus current) =>
        current is AppointmentStatus.Proposed or AppointmentStatus.Pending or AppointmentStatus.Booked
            ? AppointmentStatus.Cancelled
            : throw Refused("cancel", current, "PROPOSED, PENDING or BOOKED");

    private static DomainException Refused(string action, AppointmentStatus current, string allowed) =>
        DomainException.FailedPrecondition($"cannot {action} an appointment that is {current}; only {allowed}");
}
