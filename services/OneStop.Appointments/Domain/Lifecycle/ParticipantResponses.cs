using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>A participant as the response rules see it.</summary>
public readonly record struct ParticipantState(string ResourceId, bool Required, ParticipantStatus Status);

/// <summary>
/// FHIR-style participant answers and the appointment status they imply:
/// <list type="bullet">
/// <item>at booking, a participant whose agency auto-accepts is ACCEPTED, everyone else NEEDS_ACTION;</item>
/// <item>every required participant ACCEPTED → BOOKED; otherwise PENDING;</item>
/// <item>any required participant DECLINED → PROPOSED: the slot no longer works for everyone and needs
/// rescheduling (or cancelling). It stays allocated, so the others' time is not lost while the front desk reschedules;
/// if the participant changes its answer to ACCEPTED, the appointment goes back to PENDING or BOOKED.</item>
/// </list>
/// Optional participants never change the appointment status. TENTATIVE counts as not yet accepted.
/// </summary>
public static class ParticipantResponses
{
    /// <summary>The status a participant starts with when the appointment is booked.</summary>
    public static ParticipantStatus AtBooking(bool autoAccept) => autoAccept ? ParticipantStatus.Accepted : ParticipantStatus.NeedsAction;

    /// <summary>The appointment status the participants' answers imply (for a not yet ended, not cancelled appointment).</summary>
    public static AppointmentStatus Derive(IEnumerable<ParticipantState> participants)
    {
        var required = participants.Where(p => p.Required).ToList();
        if (required.Any(p => p.Status == ParticipantStatus.Declined))
        {
            return AppointmentStatus.Proposed;
        }
        return required.All(p => p.Status == ParticipantStatus.Accepted) ? AppointmentStatus.Booked : AppointmentStatus.Pending;
    }

    /// <summary>
    /// Applies one participant's answer: returns the participants with that answer and the new appointment status.
    /// Only ACCEPTED, DECLINED or TENTATIVE are answers (INVALID_ARGUMENT otherwise); answering is possible while the
    /// appointment is PROPOSED, PENDING or BOOKED (FAILED_PRECONDITION otherwise); an unknown resource is
    /// FAILED_PRECONDITION (it is not a participant of this appointment).
    /// </summary>
    public static (IReadOnlyList<ParticipantState> Participants, AppointmentStatus Status) Respond(
        AppointmentStatus current, IReadOnlyList<ParticipantState> participants, string resourceId, ParticipantStatus response)
    {
        if (response is not (ParticipantStatus.Accepted or ParticipantStatus.Declined or ParticipantStatus.Tentative))
        {
            throw DomainException.InvalidArgument("response", $"must be ACCEPTED, DECLINED or TENTATIVE, got {response}");
        }
        if (current is not (AppointmentStatus.Proposed or AppointmentStatus.Pending or AppointmentStatus.Booked))
        {
            throw DomainException.FailedPrecondition($"a {current} appointment takes no more answers");
        }
        if (!participants.Any(p => p.ResourceId == resourceId))
        {
            throw DomainException.FailedPrecondition($"{resourceId} is not a participant of this appointment", "resource_id");
        }
        var updated = participants.Select(p => p.ResourceId == resourceId ? p with { Status = response } : p).ToList();
        return (updated, Derive(updated));
    }
}
