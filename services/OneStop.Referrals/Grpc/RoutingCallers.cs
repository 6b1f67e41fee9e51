using Grpc.Core;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Grpc;

/// <summary>Who may ask for routing suggestions: front desk, counsellors and agency systems, within their token's region.</summary>
public static class RoutingCallers
{
    private static readonly string[] Roles = [OneStopRoles.Frontdesk, OneStopRoles.Counsellor, OneStopRoles.AgencySystem];

    public static CallerIdentity Require(ServerCallContext context)
    {
        var caller = context.GetCaller() ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a bearer token."));
        if (!Roles.Any(caller.IsInRole))
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Routing suggestions need the frontdesk, counsellor or agency-system role."));
        if (caller.RegionAgs.Length == 0) throw new RpcException(new Status(StatusCode.PermissionDenied, "The token carries no region."));
        return caller;
    }
}
