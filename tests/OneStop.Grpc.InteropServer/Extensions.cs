using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OneStop.Grpc.InteropServer;

/// <summary>Everything the interop server registers and maps, so Program and in-process tests share one wiring.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddInteropServer(this WebApplicationBuilder builder, int port)
    {
        // Cleartext HTTP/2 only (h2c with prior knowledge), as interop clients connect without TLS or upgrade.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));

        // stdout carries only the "listening on" line; logs go to stderr and only when something is wrong.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Interop clients ask for gzip per call; the server only needs to be able to read and write it (the defaults).
        builder.Services.AddGrpc();

        // Like every OneStop service: grpc.health.v1 with a "self" check (grpc-dotnet answers UNKNOWN for a server
        // without any check) and server reflection, so tools such as grpcurl can list and call TestService.
        builder.Services.AddGrpcHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        return builder;
    }

    public static WebApplication MapInteropServer(this WebApplication app)
    {
        app.MapGrpcService<TestServiceImpl>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
