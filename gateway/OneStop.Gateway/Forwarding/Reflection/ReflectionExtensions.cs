namespace OneStop.Gateway.Forwarding.Reflection;

/// <summary>The gateway's reflection: its own services plus every routed backend's (instead of the service default's).</summary>
public static class ReflectionExtensions
{
    public static WebApplicationBuilder AddFederatedReflection(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReflectionBackends>();
        builder.Services.AddSingleton<FederatedReflection>();
        return builder;
    }

    public static WebApplication MapFederatedReflection(this WebApplication app)
    {
        app.MapGrpcService<GatewayReflectionV1>();
        app.MapGrpcService<GatewayReflectionV1Alpha>();
        return app;
    }
}
