using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using OneStop.Gateway.Forwarding.Edge;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// Turns each configured route into an ASP.NET Core endpoint, so routing, authorization and rate limiting are the
/// framework's own middleware, driven by the route's metadata. Rebuilt when the configuration reloads.
/// </summary>
public sealed class ProxyEndpointDataSource(ProxyStateProvider state, GrpcForwarder forwarder) : EndpointDataSource
{
    private Built? _built;

    /// <summary>Built once per configuration (routing asks for the list often).</summary>
    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            var routes = state.Routes;
            var built = _built;
            if (built is null || !ReferenceEquals(built.Routes, routes)) _built = built = new Built(routes, Build(routes));
            return built.Endpoints;
        }
    }

    public override IChangeToken GetChangeToken() => state.GetChangeToken();

    private List<Endpoint> Build(IReadOnlyList<RouteState> routes)
    {
        var endpoints = new List<Endpoint>(routes.Count);
        foreach (var route in routes)
        {
            var builder = new RouteEndpointBuilder(
                context => forwarder.ForwardAsync(context, route),
                RoutePatternFactory.Parse(route.Config.Match.Path),
                route.Config.Order ?? 0)
            {
                DisplayName = $"forward {route.Id} → {route.Cluster.Id}",
            };
            builder.Metadata.Add(route);
            // No HttpMethodMetadata: routing applies method metadata before it checks complex segments such as
            // "onestop.directory.v1.{service}", so a POST-only route would answer 405 to every GET /x/y of the web
            // front. The forwarder refuses other methods itself (step 1).
            if (EdgePolicies.IsAnonymous(route.Config.AuthorizationPolicy)) builder.Metadata.Add(new AllowAnonymousAttribute());
            else builder.Metadata.Add(new AuthorizeAttribute(EdgePolicies.Resolve(route.Config.AuthorizationPolicy)));
            if (route.Config.RateLimiterPolicy == ClientRateLimits.Disable) builder.Metadata.Add(new DisableRateLimitingAttribute());
            else builder.Metadata.Add(new EnableRateLimitingAttribute(route.Config.RateLimiterPolicy is { Length: > 0 } p ? p : ClientRateLimits.PerClient));
            endpoints.Add(builder.Build());
        }
        return endpoints;
    }

    private sealed record Built(IReadOnlyList<RouteState> Routes, List<Endpoint> Endpoints);
}
