using Microsoft.AspNetCore.Authorization;
using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Forwarding.Health;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// Wiring of the gRPC entry on YARP: routes, clusters and destinations from the ReverseProxy section (reloaded when
/// it changes), YARP's load balancing and health checks with a grpc.health.v1 probe, ASP.NET Core authorization
/// and rate limiting per route, and <see cref="GrpcForwarder"/> as YARP's <see cref="IHttpForwarder"/>.
/// </summary>
public static class ForwarderExtensions
{
    public const string SectionName = "ReverseProxy";

    public static WebApplicationBuilder AddForwarder(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var forwarderOptions = builder.Configuration.GetSection(ForwarderOptions.SectionName).Get<ForwarderOptions>() ?? new ForwarderOptions();
        services.AddSingleton(forwarderOptions);
        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(SectionName))
            .AddConfigFilter<GatewayConfigFilter>()
            // GrpcForwarder does not run transforms (and refuses routes that set some); should YARP's own forwarder
            // ever run these routes, it still adds no X-Forwarded-* and passes on none a client sent (privacy).
            .AddTransforms(transforms =>
            {
                transforms.UseDefaultForwarders = false;
                foreach (var header in ForwardedHeaders.NeverForwarded) transforms.AddRequestHeaderRemove(header);
            });
        // After AddReverseProxy, which only adds these when none is registered (TryAdd).
        services.AddSingleton<IHttpForwarder, GrpcForwarder>();
        services.AddSingleton<IForwarderHttpClientFactory, GatewayHttpClientFactory>();
        services.AddSingleton<IProbingRequestFactory, GrpcHealthProbe>();
        services.AddSingleton<IActiveHealthCheckPolicy, GrpcHealthPolicy>();
        services.AddSingleton<IPassiveHealthCheckPolicy, TransportFailurePolicy>();

        services.AddSingleton<IAuthorizationPolicyProvider, EdgePolicyProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        var limits = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options => ClientRateLimits.Configure(options, limits));
        return builder;
    }

    /// <summary>The rate limiter runs after authorization, so it partitions by the authenticated caller.</summary>
    public static WebApplication UseForwarderRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>YARP's pipeline, with the retry step first so a retried call is balanced again.</summary>
    public static WebApplication MapForwarder(this WebApplication app)
    {
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<DestinationRetryMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return app;
    }
}
