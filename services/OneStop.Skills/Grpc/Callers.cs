using Grpc.Core;
using OneStop.Skills.Domain;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Skills.Grpc;

/// <summary>Who may call what. Every call needs a token with a subject and a region; the region scopes everything.</summary>
public static class Callers
{
    /// <summary>Staff of an agency acting for a client: front desk, counsellors, and the agency's own systems.</summary>
    private static readonly string[] StaffRoles = [OneStopRoles.Frontdesk, OneStopRoles.Counsellor, OneStopRoles.AgencySystem];

    /// <summary>Any authenticated caller of a region.</summary>
    public static CallerIdentity Require(ServerCallContext context)
    {
        var caller = context.GetCaller() ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a bearer token."));
        if (caller.RegionAgs.Length == 0) throw DomainException.PermissionDenied("The token carries no region.");
        if (caller.Subject.Length == 0) throw DomainException.PermissionDenied("The token carries no subject.");
        return caller;
    }

    /// <summary>Staff of an organization (the <c>org</c> claim is who acts).</summary>
    public static CallerIdentity RequireStaff(ServerCallContext context)
    {
        var caller = RequireOrganization(context);
        if (!StaffRoles.Any(caller.IsInRole)) throw DomainException.PermissionDenied("This call needs the frontdesk, counsellor or agency-system role.");
        return caller;
    }

    /// <summary>Counsellors and agency systems: changes to a profile.</summary>
    public static CallerIdentity RequireCounsellor(ServerCallContext context)
    {
        var caller = RequireOrganization(context);
        if (!caller.IsInRole(OneStopRoles.Counsellor) && !caller.IsInRole(OneStopRoles.AgencySystem))
            throw DomainException.PermissionDenied("This call needs the counsellor or agency-system role.");
        return caller;
    }

    /// <summary>Staff, or the region's admins (read-only views and the overdue list).</summary>
    public static CallerIdentity RequireStaffOrAdmin(ServerCallContext context)
    {
        var caller = Require(context);
        if (caller.IsInRole(OneStopRoles.RegionAdmin)) return caller;
        return RequireStaff(context);
    }

    /// <summary>
    /// FindCandidates: agency systems (the employer-requests service) and counsellors. Not employers themselves: a
    /// company reaches candidates only through the employer-requests service, which shows them pseudonymously.
    /// </summary>
    public static CallerIdentity RequireMatcher(ServerCallContext context)
    {
        var caller = RequireOrganization(context);
        if (!caller.IsInRole(OneStopRoles.AgencySystem) && !caller.IsInRole(OneStopRoles.Counsellor))
            throw DomainException.PermissionDenied("This call needs the agency-system or counsellor role.");
        return caller;
    }

    private static CallerIdentity RequireOrganization(ServerCallContext context)
    {
        var caller = Require(context);
        if (caller.OrganizationId.Length == 0) throw DomainException.PermissionDenied("The token carries no organization.");
        return caller;
    }
}
