using Microsoft.AspNetCore.Server.Kestrel.Core;
using OneStop.Gateway.Forwarding;
using OneStop.Gateway.Forwarding.Reflection;
using OneStop.Gateway.Web;
using OneStop.ServiceDefaults;

namespace OneStop.Gateway;

/// <summary>The gateway's wiring: two listeners, the gRPC forwarder and the web front.</summary>
public static class Extensions
{
    public const string WebPortKey = "OneStop:WebPort";
    public const int DefaultGrpcPort = 8081;
    public const int DefaultWebPort = 8080;

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        // The gRPC entry is the service-default listener on OneStop:Port: h2c, or with OneStop:Tls one TLS port
        // whose ALPN serves gRPC (h2) and the web front (http/1.1) together, as in production.
        builder.AddServiceDefaults("gateway", DefaultGrpcPort);
        var tls = builder.Configuration.GetSection(TlsSettings.SectionName).Get<TlsSettings>();
        if (tls is not { Enabled: true })
        {
            var webPort = builder.Configuration.GetValue<int?>(WebPortKey) ?? DefaultWebPort;
            if (webPort is < 0 or > 65535) throw new InvalidOperationException($"{WebPortKey} must be 0..65535, not {webPort}.");
            // Browsers speak HTTP/1.1 without TLS; the web front gets a listener of its own.
            builder.WebHost.ConfigureKestrel(kestrel =>
                ListenAddress.Listen(kestrel, builder.Configuration, webPort, listen => listen.Protocols = HttpProtocols.Http1));
        }

        builder.AddForwarder();
        builder.AddFederatedReflection();
        builder.AddWebFront();
        return builder;
    }

    /// <summary>
    /// Middleware order matters: the web front's own middleware (static files, culture, security headers), then
    /// authentication and authorization (with the gateway's health endpoint and its reflection, which answers for every routed service), then the per-client rate limits,
    /// which need to know the caller.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseWebFrontMiddleware();
        app.MapDefaultEndpoints(serverReflection: false);
        app.MapFederatedReflection();
        app.UseForwarderRateLimits();
        return app;
    }

    /// <summary>A command (`seed`, `token …`, `call …`) rather than a run of the gateway.</summary>
    public static bool IsCommand(string[] args) => args is ["seed", ..] or ["token", ..] or ["call", ..];

    /// <summary>
    /// `seed` prepares the sign-in store with the demo users, `token …` prints a development token, `call …` makes one
    /// gRPC call through a running gateway (all of them then exit); anything else runs the gateway.
    /// </summary>
    public static async Task<int> RunGatewayAsync(this WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["seed", ..]:
                await app.SeedWebFrontAsync();
                return 0;
            case ["token", ..]:
                return DevelopmentTokenCommand.Run(args, Console.Out, Console.Error);
            case ["call", ..]:
                return await Cli.CallCommand.RunAsync(args, Console.Out, Console.Error);
            default:
                await app.RunAsync();
                return 0;
        }
    }
}
