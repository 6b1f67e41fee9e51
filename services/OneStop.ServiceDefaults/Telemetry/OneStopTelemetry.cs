using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneStop.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics for every OneStop host: incoming requests (gRPC calls and the web front),
/// outgoing HttpClient and grpc-dotnet client calls, EF Core and Redis commands, and the .NET runtime. Exported over OTLP only
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the standard <c>OTEL_*</c> variables configure the rest.
/// </summary>
public static class OneStopTelemetry
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>grpc-dotnet's own ActivitySource: one span per client call, around the HttpClient span of that call.</summary>
    public const string GrpcClientSource = "Grpc.Net.Client";

    /// <summary>EF Core's built-in meter (commands, queries, save changes, pooled contexts).</summary>
    public const string EntityFrameworkCoreMeter = "Microsoft.EntityFrameworkCore";

    /// <summary>
    /// Health checks run every few seconds (the gateway's active probes, orchestrators); as traces they would drown
    /// the calls someone wants to look at. Their request durations still count in the metrics.
    /// </summary>
    private static readonly PathString HealthService = "/grpc.health.v1.Health";

    public static WebApplicationBuilder AddOneStopTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                // grpc-dotnet tags the ASP.NET Core request span with grpc.method and grpc.status_code.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(HealthService))
                .AddSource(GrpcClientSource)
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => !IsHealthCheck(request.RequestUri))
                .AddEntityFrameworkCoreInstrumentation()
                // The directory read model's commands, on the IConnectionMultiplexer that AddDirectoryClient registers
                // (a host without one has nothing to trace here).
                .AddRedisInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(EntityFrameworkCoreMeter));

        // Without a collector there is nothing to export to; spans and metrics are still recorded for in-process
        // listeners (tests, dotnet-counters), as in the .NET Aspire service defaults.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey])) telemetry.UseOtlpExporter();
        return builder;
    }

    private static bool IsHealthCheck(Uri? uri) =>
        uri is not null && uri.AbsolutePath.StartsWith(HealthService.Value + "/", StringComparison.Ordinal);
}
