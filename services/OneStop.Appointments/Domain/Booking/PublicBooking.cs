using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Residents book on the gateway's public pages. The gateway calls with a token that has no booking role, only the
/// scope <see cref="OneStopScopes.PublicBooking"/>; such a caller may search slots of, and directly book, appointment
/// types marked <c>public_booking</c>, and nothing else. A front-desk account, by contrast, could book any type, so
/// a flaw in the public pages cannot reach beyond what the region opened to the public.
/// </summary>
public static class PublicBooking
{
    /// <summary>Roles that may find, hold, book and list within their region.</summary>
    public static readonly string[] BookingRoles = [OneStopRoles.Frontdesk, OneStopRoles.Counsellor, OneStopRoles.AgencySystem, OneStopRoles.RegionAdmin];

    /// <summary>Admitted only by the public-booking scope.</summary>
    public static bool IsPublicCaller(CallerIdentity caller) =>
        !BookingRoles.Any(caller.IsInRole) && caller.HasScope(OneStopScopes.PublicBooking);

    /// <summary>PERMISSION_DENIED when a public caller names a type the region has not opened to the public.</summary>
    public static void EnsureAllowed(CallerIdentity caller, AppointmentType type)
    {
        if (IsPublicCaller(caller) && !type.PublicBooking)
        {
            throw new DomainException(DomainErrorCode.PermissionDenied, $"Appointment type '{type.Id}' is not open to public booking.");
        }
    }
}
