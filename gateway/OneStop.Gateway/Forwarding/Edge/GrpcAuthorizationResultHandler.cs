using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Net.Http.Headers;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Forwarding.Edge;

/// <summary>
/// Answers refused gRPC calls with UNAUTHENTICATED (no or invalid token) or PERMISSION_DENIED (valid token, wrong
/// role), each with the RFC 6750 challenge saying which check failed (<see cref="BearerRefusal"/>); everything else
/// (the web front) gets the framework's usual challenge, forbid or redirect. A token that was sent and failed is
/// normally refused earlier, by ServiceDefaults' check of presented tokens; this handler says the same should it
/// get that far.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!GrpcStatusResponses.IsGrpcRequest(context.Request) || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            await RefuseAsync(context, StatusCode.PermissionDenied, BearerRefusal.InsufficientScope);
            return;
        }
        await RefuseAsync(context, StatusCode.Unauthenticated, await BearerRefusal.CheckPresentedTokenAsync(context) ?? BearerRefusal.Missing);
    }

    private static Task RefuseAsync(HttpContext context, StatusCode status, BearerRefusal refusal)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = refusal.WwwAuthenticate;
        return GrpcStatusResponses.WriteTrailersOnlyAsync(context, status, refusal.Message);
    }
}
