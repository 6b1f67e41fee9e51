using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.ServiceDefaults.Telemetry;
using OneStop.ServiceDefaults.Tests.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>
/// AddServiceDefaults' OpenTelemetry: which instrumentation records spans and metrics, under which service name, and
/// that OTLP export is only wired when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
/// <remarks>
/// Runs alone: ActivitySource and DiagnosticListener subscriptions are process-wide, so a TracerProvider of a test
/// running in parallel (every AddServiceDefaults host has one) would record a second span for the same EF command.
/// </remarks>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "onestop-telemetry-" + Guid.NewGuid().ToString("N"));

    public sealed class SampleContext(DbContextOptions<SampleContext> options) : DbContext(options);

    private WebApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        Directory.CreateDirectory(_root);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _root, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:Auth:UseDevelopmentKey"] = "true",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        builder.AddServiceDefaults("telemetry-test", 5999);
        return builder;
    }

    [Fact]
    public void Without_an_OTLP_endpoint_tracing_and_metrics_are_on_but_no_OTLP_exporter_is_registered()
    {
        var builder = Builder();
        using var app = builder.Build();

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Empty(OtlpRegistrations(builder.Services));
    }

    [Fact]
    public void With_an_OTLP_endpoint_the_OTLP_exporter_is_registered()
    {
        var builder = Builder((OneStopTelemetry.OtlpEndpointKey, "http://127.0.0.1:4318"));

        Assert.NotEmpty(OtlpRegistrations(builder.Services));
    }

    [Fact]
    public async Task A_grpc_call_is_traced_from_the_client_through_HttpClient_into_the_server_under_the_service_name()
    {
        var spans = new List<Activity>();
        var builder = Builder();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        await using var app = await StartAsync(builder);
        using var channel = GrpcChannel.ForAddress(Address(app));

        // A recorded root of the test's own: its trace id tells this test's spans from those of tests running alongside
        // (every tracer provider in the process listens to every instrumented call).
        var root = StartRoot();
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(WhoAmIService.WhoAmIMethod, null,
            new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), "").ResponseAsync);
        root.Stop();

        var trace = await WaitForAsync(spans, root.TraceId, all => all.Any(s => s.Kind == ActivityKind.Server && UrlPath(s) == "/onestop.test.Identity/WhoAmI"));
        var server = trace.Single(s => s.Kind == ActivityKind.Server && UrlPath(s) == "/onestop.test.Identity/WhoAmI");
        var http = trace.Single(s => s.SpanId == server.ParentSpanId);
        Assert.Equal("System.Net.Http", http.Source.Name);
        var grpc = trace.Single(s => s.SpanId == http.ParentSpanId);
        Assert.Equal(OneStopTelemetry.GrpcClientSource, grpc.Source.Name);
        Assert.Equal("/onestop.test.Identity/WhoAmI", grpc.GetTagItem("grpc.method"));
        // grpc-dotnet's server marks the request span with the call's outcome.
        Assert.Equal("16", server.GetTagItem("grpc.status_code")?.ToString());
        // Health checks are left out of traces, on both ends.
        Assert.DoesNotContain(trace, s => UrlPath(s) == "/grpc.health.v1.Health/Check"
            || (s.GetTagItem("url.full") as string)?.EndsWith("/grpc.health.v1.Health/Check", StringComparison.Ordinal) == true);
        var serviceName = app.Services.GetRequiredService<TracerProvider>().GetResource().Attributes
            .Single(a => a.Key == "service.name").Value;
        Assert.Equal("telemetry-test", serviceName);
    }

    [Fact]
    public async Task EF_Core_commands_are_traced()
    {
        var spans = new List<Activity>();
        var builder = Builder();
        builder.AddOneStopDbContext<SampleContext>("telemetry");
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        using var app = builder.Build();
        _ = app.Services.GetRequiredService<TracerProvider>();

        var root = StartRoot();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SampleContext>().Database.ExecuteSqlRawAsync("SELECT 1");
        }
        root.Stop();

        var trace = await WaitForAsync(spans, root.TraceId, all => all.Any(s => s.Kind == ActivityKind.Client));
        var command = trace.Single(s => s.Kind == ActivityKind.Client);
        Assert.Equal("sqlite", command.GetTagItem("db.system")?.ToString());
    }

    [Fact]
    public async Task Server_client_and_runtime_metrics_are_recorded()
    {
        var metrics = new List<Metric>();
        var builder = Builder();
        builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        await using var app = await StartAsync(builder);
        using var channel = GrpcChannel.ForAddress(Address(app));

        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

        var meterProvider = app.Services.GetRequiredService<MeterProvider>();
        var names = new HashSet<string>();
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        // The server records a request's duration once the response is done, which may be just after the client has it.
        while (!names.Contains("http.server.request.duration"))
        {
            Assert.True(DateTime.UtcNow < giveUp, $"no http.server.request.duration within 30 s; got {string.Join(", ", names)}");
            meterProvider.ForceFlush();
            lock (metrics) names.UnionWith(metrics.Select(m => m.Name));
            if (!names.Contains("http.server.request.duration")) await Task.Delay(50);
        }
        Assert.Contains("http.client.request.duration", names);
        Assert.Contains(names, name => name.StartsWith("dotnet.", StringComparison.Ordinal));
    }

    /// <summary>Service registrations that come from the OTLP exporter's assembly.</summary>
    private static List<ServiceDescriptor> OtlpRegistrations(IServiceCollection services)
    {
        var otlp = typeof(OtlpExporterOptions).Assembly;
        bool FromOtlp(Type? type) => type is not null && (type.Assembly == otlp || (type.IsGenericType && type.GetGenericArguments().Any(FromOtlp)));
        return [.. services.Where(d => FromOtlp(d.ServiceType) || FromOtlp(d.ImplementationType)
            || FromOtlp(d.ImplementationInstance?.GetType()) || FromOtlp(d.ImplementationFactory?.Method.DeclaringType))];
    }

    private static Activity StartRoot()
    {
        var root = new Activity("telemetry-test");
        root.SetIdFormat(ActivityIdFormat.W3C);
        root.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        return root.Start();
    }

    /// <summary>The exported spans of <paramref name="traceId"/> once <paramref name="complete"/> holds (bounded to 30 s).</summary>
    private static async Task<List<Activity>> WaitForAsync(List<Activity> spans, ActivityTraceId traceId, Func<List<Activity>, bool> complete)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            List<Activity> trace;
            lock (spans) trace = [.. spans.Where(s => s.TraceId == traceId)];
            if (complete(trace)) return trace;
            Assert.True(DateTime.UtcNow < giveUp, $"trace incomplete after 30 s: {string.Join(", ", trace.Select(s => $"{s.Source.Name} {s.DisplayName}"))}");
            await Task.Delay(50);
        }
    }

    private static string? UrlPath(Activity span) => span.GetTagItem("url.path") as string;

    private static async Task<WebApplication> StartAsync(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<WhoAmIService>();
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry, alone";
}
