using Grpc.Core;
using OneStop.Appointments.Domain;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Grpc;

/// <summary>Who may call what. Every call needs a token; the region claim scopes everything the caller sees.</summary>
public static class Callers
{
    private static readonly string[] BookingRoles = [OneStopRoles.Frontdesk, OneStopRoles.Counsellor, OneStopRoles.AgencySystem, OneStopRoles.RegionAdmin];

    public static CallerIdentity Require(ServerCallContext context)
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
        if (!BookingRoles.Any(caller.IsInRole)) throw Denied("Booking needs the frontdesk, counsellor, agency-system or region-admin role.");
        return caller;
    }

    public static DomainException Denied(string message) => new(DomainErrorCode.PermissionDenied, message);
}
