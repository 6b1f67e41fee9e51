using Microsoft.AspNetCore.Authorization;
using OneStop.Gateway.Forwarding.Configuration;
using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Forwarding.Health;

namespace OneStop.Gateway.Forwarding;

/// <summary>Wiring of the gRPC forwarder (routes → clusters → destinations from the ReverseProxy section).</summary>
public static class ForwarderExtensions
{
    public static WebApplicationBuilder AddForwarder(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ProxyConfig>(builder.Configuration.GetSection(ProxyConfig.SectionName));
        var forwarderOptions = builder.Configuration.GetSection(ForwarderOptions.SectionName).Get<ForwarderOptions>() ?? new ForwarderOptions();
        services.AddSingleton(forwarderOptions);
        services.AddSingleton<ForwarderHttpClient>();
        services.AddSingleton<ClientRateLimits>();
        services.AddSingleton<ProxyStateProvider>();
        services.AddSingleton<GrpcForwarder>();
        services.AddSingleton<ProxyEndpointDataSource>();
        services.AddHostedService<ActiveHealthChecker>();

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

    public static WebApplication MapForwarder(this WebApplication app)
    {
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<ProxyEndpointDataSource>());
        return app;
    }
}
