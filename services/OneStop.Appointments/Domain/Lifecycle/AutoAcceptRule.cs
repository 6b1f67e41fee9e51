using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Which participants accept a booking on their own. A resource can be flagged (<c>auto_accept</c>), or its whole
/// agency can be listed in configuration, so an agency that trusts the front desk need not flag every counsellor.
/// </summary>
public sealed class AutoAcceptRule(IEnumerable<string> autoAcceptingOrganizations)
{
    private readonly HashSet<string> _organizations = new(autoAcceptingOrganizations, StringComparer.Ordinal);

    public bool AutoAccepts(Resource resource) =>
        resource.AutoAccept || (resource.OrganizationId.Length > 0 && _organizations.Contains(resource.OrganizationId));

    /// <summary>The status the participant starts with when the appointment is booked.</summary>
    public ParticipantStatus AtBooking(Resource resource) => ParticipantResponses.AtBooking(AutoAccepts(resource));
}
