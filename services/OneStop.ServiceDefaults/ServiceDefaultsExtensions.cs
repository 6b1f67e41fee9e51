using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OneStop.ServiceDefaults;
using OneStop.ServiceDefaults.Data;
using OneStop.ServiceDefaults.Identity;
using OneStop.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>The host wiring every OneStop service shares, so each Program.cs stays a few lines.</summary>
public static class ServiceDefaultsExtensions
{
    public const string PortKey = "OneStop:Port";

    /// <summary>The grpc.health.v1 service name that reports only whether the process runs (Kubernetes liveness).</summary>
    public const string LivenessService = "liveness";

    private const string SelfCheck = "self";

    /// <summary>
    /// Kestrel h2c on 127.0.0.1 (or <c>OneStop:ListenAddress</c>, see <see cref="ListenAddress"/>; port from <c>OneStop:Port</c>, else <paramref name="defaultPort"/>; 0 picks a free
    /// one), or TLS with ALPN on that port when <c>OneStop:Tls:CertificatePath</c> is set, console logging, <see cref="TimeProvider.System"/>, gRPC with health and reflection, JWT bearer
    /// authentication from <c>OneStop:Auth</c>, and OpenTelemetry traces and metrics (OTLP export when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var port = builder.Configuration.GetValue<int?>(PortKey) ?? defaultPort;
        if (port is < 0 or > 65535) throw new InvalidOperationException($"{PortKey} must be 0..65535, not {port}.");

        var tls = builder.Configuration.GetSection(TlsSettings.SectionName).Get<TlsSettings>();
        builder.WebHost.ConfigureKestrel(kestrel => ListenAddress.Listen(kestrel, builder.Configuration, port, listen =>
        {
            if (tls is { Enabled: true })
            {
                // With TLS, ALPN picks the protocol per connection: h2 for gRPC clients, http/1.1 for browsers.
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(tls.CertificatePath!, tls.CertificatePassword);
            }
            else
            {
                // gRPC only needs HTTP/2; without TLS that means prior knowledge (h2c), so HTTP/1.1 is not offered at all.
                listen.Protocols = HttpProtocols.Http2;
            }
        }));

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // Per-request and per-SQL-statement lines at Information would drown the service's own log
        // (the same levels the ASP.NET Core templates put in appsettings.json).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting opens a log scope per request whenever its category logs at all (an AsyncLocal write that every
        // later await of the request carries along, ~1.4 µs per forwarded call at the gateway); it logs nothing
        // above Information, so it is switched off rather than kept at Warning.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ServiceInfo(serviceName));
        builder.Services.AddGrpc(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
        // "self": a live process is SERVING even before it registers checks of its own (grpc-dotnet answers UNKNOWN
        // for a server without any check); databases and the cache add theirs.
        // Two health services: "" (every check: the database too) answers readiness, "liveness" only "self", so a
        // database outage takes a pod out of its Service but never makes the kubelet restart it (deploy/k8s).
        builder.Services.AddGrpcHealthChecks(o =>
            {
                o.Services.Map("", _ => true);
                o.Services.Map(LivenessService, check => check.Name == SelfCheck);
            })
            .AddCheck(SelfCheck, () => HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        builder.AddOneStopAuthentication();
        builder.AddOneStopTelemetry(serviceName);
        return builder;
    }

    /// <summary>
    /// Authentication (a bearer token that is sent must be valid, even where anonymous callers are admitted:
    /// <see cref="PresentedTokenCheck"/>), authorization, <c>grpc.health.v1</c> and server reflection.
    /// </summary>
    /// <param name="serverReflection">
    /// False for a host that maps a reflection service of its own (the gateway answers for the services behind it).
    /// </param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, bool serverReflection = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseMiddleware<PresentedTokenCheck>();
        app.UseAuthorization();
        app.MapGrpcHealthChecksService();
        if (serverReflection) app.MapGrpcReflectionService();
        ServiceInfo.LogAddressesOnStart(app);
        return app;
    }

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on SQLite (default) or PostgreSQL per <c>OneStop:Database:Provider</c>
    /// (see <see cref="DatabaseSettings.Resolve"/>), plus a health check that the database is reachable.
    /// </summary>
    public static IServiceCollection AddOneStopDbContext<TContext>(this WebApplicationBuilder builder, string databaseName)
        where TContext : DbContext =>
        builder.AddOneStopDbContext<TContext, TContext, TContext>(databaseName);

    /// <summary>
    /// Like <see cref="AddOneStopDbContext{TContext}"/>, for a context whose migrations differ per provider: each
    /// provider has a subclass that owns its migrations, and <typeparamref name="TContext"/> resolves to the subclass
    /// of the configured provider (the standard EF layout for one model on several providers).
    /// </summary>
    /// <param name="pooled">
    /// Registers the context with <c>AddDbContextPool</c>: scopes rent a reset instance instead of building a new one
    /// (a measurable share of a short command). A pooled context must not change its options in
    /// <c>OnConfiguring</c>; pass such settings (interceptors) in <paramref name="configure"/> instead.
    /// </param>
    /// <param name="configure">Extra options for the chosen provider, applied after its Use* call.</param>
    public static IServiceCollection AddOneStopDbContext<TContext, TSqliteContext, TPostgresContext>(
        this WebApplicationBuilder builder, string databaseName, bool pooled = false,
        Action<DatabaseProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext where TSqliteContext : TContext where TPostgresContext : TContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = DatabaseSettings.Resolve(builder.Configuration, builder.Environment.ContentRootPath, databaseName);
        builder.Services.AddSingleton(settings);
        void Postgres(DbContextOptionsBuilder options)
        {
            options.UseNpgsql(settings.ConnectionString);
            configure?.Invoke(settings.Provider, options);
        }
        void Sqlite(DbContextOptionsBuilder options)
        {
            options.UseSqlite(settings.ConnectionString);
            configure?.Invoke(settings.Provider, options);
        }
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            if (pooled) builder.Services.AddDbContextPool<TContext, TPostgresContext>(Postgres);
            else builder.Services.AddDbContext<TContext, TPostgresContext>(Postgres);
        }
        else
        {
            if (pooled) builder.Services.AddDbContextPool<TContext, TSqliteContext>(Sqlite);
            else builder.Services.AddDbContext<TContext, TSqliteContext>(Sqlite);
        }
        builder.Services.AddHealthChecks().AddCheck<DbContextHealthCheck<TContext>>(databaseName, tags: ["db"]);
        return builder.Services;
    }
}
