using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OneStop.Gateway.Forwarding.Edge;

/// <summary>
/// Answers refused gRPC calls with UNAUTHENTICATED (no or invalid token) or PERMISSION_DENIED (valid token, wrong
/// role); everything else (the web front) gets the framework's usual challenge, forbid or redirect.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!GrpcStatusResponses.IsGrpcRequest(context.Request) || authorizeResult.Succeeded)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        return authorizeResult.Forbidden
            ? GrpcStatusResponses.WriteTrailersOnlyAsync(context, StatusCode.PermissionDenied, "The caller's roles and scopes do not allow this call.")
            : GrpcStatusResponses.WriteTrailersOnlyAsync(context, StatusCode.Unauthenticated, "A valid bearer token is required.");
    }
}
