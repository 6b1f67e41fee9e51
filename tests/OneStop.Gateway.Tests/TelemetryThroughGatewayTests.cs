using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using OneStop.Appointments.V1;
using OneStop.Directory.V1;
using OneStop.Gateway.Tests.Support;
using OneStop.ServiceDefaults.Identity;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests;

/// <summary>
/// The directory and appointments services as processes and the gateway in front of them, all exporting traces over
/// OTLP/HTTP to a receiver in the test, as they would to a collector (OTEL_EXPORTER_OTLP_ENDPOINT). Redis points at
/// an unused port, so the appointments service's directory client falls back to the Directory gRPC service.
/// </summary>
public sealed class TelemetrySuiteFixture : IAsyncLifetime
{
    private readonly List<ServiceProcess> _services = [];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "onestop-gateway-telemetry", Guid.NewGuid().ToString("N"));

    public OtlpTraceReceiver Collector { get; private set; } = null!;
    public GatewayTestHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Collector = await OtlpTraceReceiver.StartAsync();
        var telemetry = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Batches leave every 100 ms instead of every 5 s, so the test's bounded wait is short.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        System.IO.Directory.CreateDirectory(_data);
        var common = new Dictionary<string, string>(telemetry)
        {
            ["OneStop__DataDirectory"] = _data,
            ["OneStop__Redis"] = $"127.0.0.1:{FreePort.Pick()}",
        };
        await ServiceProcess.SeedAsync("services/OneStop.Directory", common);
        var directory = await ServiceProcess.StartServiceAsync("services/OneStop.Directory", common);
        _services.Add(directory);
        var withDirectory = new Dictionary<string, string>(common) { ["OneStop__Directory__DirectoryAddress"] = directory.Address.ToString() };
        await ServiceProcess.SeedAsync("services/OneStop.Appointments", withDirectory);
        var appointments = await ServiceProcess.StartServiceAsync("services/OneStop.Appointments", withDirectory);
        _services.Add(appointments);

        var settings = Routes.Route("directory", "/onestop.directory.v1.{service}/{method}", "directory", "authenticated", directory.Address)
            .With(Routes.Route("appointments", "/onestop.appointments.v1.{service}/{method}", "appointments",
                "agency-system,frontdesk,counsellor,region-admin", appointments.Address));
        foreach (var (key, value) in telemetry) settings[key] = value;
        Gateway = await GatewayTestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var service in _services) service.Dispose();
        if (Collector is not null) await Collector.DisposeAsync();
        try { System.IO.Directory.Delete(_data, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

[Collection(ServiceProcessCollection.Name)]
public sealed class TelemetryThroughGatewayTests(TelemetrySuiteFixture suite) : IClassFixture<TelemetrySuiteFixture>, IDisposable
{
    private static readonly string FrontdeskToken =
        DevelopmentTokens.Create("frontdesk-1", "org-ip-lippe", "05766", [OneStopRoles.Frontdesk]);

    // The test's own calls carry no trace context (no propagator), so every trace starts at the gateway: a span that
    // reaches a service can only have got its trace id from the gateway.
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(suite.Gateway.GrpcAddress,
        new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { ActivityHeadersPropagator = null } });

    [Fact]
    public async Task A_call_through_the_gateway_and_the_directory_service_is_one_trace()
    {
        var directory = new DirectoryService.DirectoryServiceClient(BearerCalls.Invoker(_channel, FrontdeskToken));

        await directory.SearchServicesAsync(new SearchServicesRequest { Language = "ar" }, deadline: DateTime.UtcNow.AddSeconds(30));

        var root = await GatewaySpanOfAsync("/onestop.directory.v1.DirectoryService/SearchServices");
        var trace = await suite.Collector.WaitForTraceAsync(root.TraceId,
            spans => spans.Any(s => IsServerSpan(s, "directory", "/onestop.directory.v1.DirectoryService/SearchServices")));

        var served = trace.Single(s => IsServerSpan(s, "directory", "/onestop.directory.v1.DirectoryService/SearchServices"));
        Assert.Equal("gateway", ParentOf(served, trace)?.Service);
    }

    [Fact]
    public async Task The_directory_client_fallback_behind_the_gateway_stays_in_the_gateway_call_trace()
    {
        var appointments = new AppointmentsService.AppointmentsServiceClient(BearerCalls.Invoker(_channel, FrontdeskToken));
        var start = DateTime.UtcNow.Date.AddDays(3);

        // This type needs an Arabic interpreter: the appointments service asks the directory (over gRPC, Redis being
        // absent) which interpreting services offer the language.
        await appointments.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = "type-joint-jobcenter-mbe",
            RangeStart = Timestamp.FromDateTime(start),
            RangeEnd = Timestamp.FromDateTime(start.AddDays(14)),
            MaxResults = 1,
        }, deadline: DateTime.UtcNow.AddSeconds(30));

        var root = await GatewaySpanOfAsync("/onestop.appointments.v1.AppointmentsService/FindJointSlots");
        // Each process exports its own batches: wait for the spans of all three, not just the directory's, which
        // ends first and may arrive before the appointments service has exported its spans around it.
        var trace = await suite.Collector.WaitForTraceAsync(root.TraceId, spans =>
            spans.Any(s => IsServerSpan(s, "directory", "/onestop.directory.v1.DirectoryService/GetService"))
            && spans.Any(IsFallbackCall)
            && spans.Any(s => IsServerSpan(s, "appointments", "/onestop.appointments.v1.AppointmentsService/FindJointSlots")));

        var appointmentsSpan = trace.Single(s => IsServerSpan(s, "appointments", "/onestop.appointments.v1.AppointmentsService/FindJointSlots"));
        Assert.Equal("gateway", ParentOf(appointmentsSpan, trace)?.Service);
        var fallbackCall = trace.First(IsFallbackCall);
        var directorySpan = trace.First(s => IsServerSpan(s, "directory", "/onestop.directory.v1.DirectoryService/GetService"));
        Assert.Contains(AncestorsOf(directorySpan, trace), s => s.SpanId == fallbackCall.SpanId);
        Assert.Contains(AncestorsOf(fallbackCall, trace), s => s.SpanId == appointmentsSpan.SpanId);
    }

    /// <summary>The gateway's server span of the test's call: the root of its trace.</summary>
    private async Task<ReceivedSpan> GatewaySpanOfAsync(string path)
    {
        var spans = await suite.Collector.WaitUntilAsync(all => all.Any(s => IsServerSpan(s, "gateway", path)), s => s.Service == "gateway");
        var root = spans.Single(s => IsServerSpan(s, "gateway", path));
        Assert.True(root.ParentSpanId.Length == 0, $"the test's call carried no trace context, yet {root} has a parent");
        return root;
    }

    private static bool IsFallbackCall(ReceivedSpan span) =>
        span.Service == "appointments" && span.Scope == "Grpc.Net.Client"
        && span.Attributes.GetValueOrDefault("grpc.method") == "/onestop.directory.v1.DirectoryService/GetService";

    private static bool IsServerSpan(ReceivedSpan span, string service, string path) =>
        span.Service == service && span.Kind == ReceivedSpan.ServerKind && span.Attributes.GetValueOrDefault("url.path") == path;

    private static ReceivedSpan? ParentOf(ReceivedSpan span, IReadOnlyList<ReceivedSpan> trace) =>
        trace.SingleOrDefault(s => s.SpanId == span.ParentSpanId);

    private static List<ReceivedSpan> AncestorsOf(ReceivedSpan span, IReadOnlyList<ReceivedSpan> trace)
    {
        var ancestors = new List<ReceivedSpan>();
        for (var parent = ParentOf(span, trace); parent is not null; parent = ParentOf(parent, trace)) ancestors.Add(parent);
        return ancestors;
    }

    public void Dispose() => _channel.Dispose();
}
