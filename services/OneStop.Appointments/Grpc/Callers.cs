using Grpc.Core;
using OneStop.Appointments.Domain;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Grpc;

/// <summary>Who may call what. Every call needs a token; the region claim scopes everything the caller sees.</summary>
public static class Callers
{
    /// <summary>Any caller with a token, except one admitted only by the public-booking scope (see <see cref="RequireBookingOrPublic"/>).</summary>
    public static CallerIdentity Require(ServerCallContext context)
    {
        var caller = RequireToken(context);
        if (PublicBooking.IsPublicCaller(caller)) throw Denied($"The {OneStopScopes.PublicBooking} scope only searches, books and lists public types.");
        return caller;
    }

    private static CallerIdentity RequireToken(ServerCallContext context)
    {
        var caller = context.GetCaller() ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a bearer token."));
        if (caller.RegionAgs.Length == 0) throw Denied("The token carries no region.");
        if (caller.Subject.Length == 0) throw Denied("The token carries no subject.");
        return caller;
    }

    /// <summary>Front desk, counsellors, agency systems and region admins find, hold, book and list within their region.</summary>
    public static CallerIdentity RequireBooking(ServerCallContext context)
    {
        var caller = Require(context);
        if (!PublicBooking.BookingRoles.Any(caller.IsInRole)) throw Denied("Booking needs the frontdesk, counsellor, agency-system or region-admin role.");
        return caller;
    }

    /// <summary>
    /// Slot search, direct booking and the list of types: the booking roles, or the public-booking scope for appointment types open to
    /// the public (<see cref="PublicBooking"/>; the type is checked where it is loaded). A public caller names a type
    /// (no ad-hoc search) and books a slot, never a hold.
    /// </summary>
    /// <param name="appointmentTypeId">The type a search or booking names; null for a call about no one type (a list).</param>
    public static CallerIdentity RequireBookingOrPublic(ServerCallContext context, string? appointmentTypeId, string holdId = "")
    {
        var caller = RequireToken(context);
        if (PublicBooking.BookingRoles.Any(caller.IsInRole)) return caller;
        if (!PublicBooking.IsPublicCaller(caller))
            throw Denied($"Booking needs the frontdesk, counsellor, agency-system or region-admin role, or the {OneStopScopes.PublicBooking} scope.");
        if (appointmentTypeId is { Length: 0 }) throw Denied("The public-booking scope searches and books by appointment_type_id only.");
        if (holdId.Length > 0) throw Denied("The public-booking scope books slots directly, not holds.");
        return caller;
    }

    public static DomainException Denied(string message) => new(DomainErrorCode.PermissionDenied, message);
}
