using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Gateway.Tests.Support;

/// <summary>One span as an OTLP exporter sent it: ids as lowercase hex, the exporting service, string attributes.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name,
    int Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public const int ServerKind = 2;
    public const int ClientKind = 3;

    public override string ToString() => $"{Service} [{Scope}] {Name} kind={Kind} trace={TraceId} span={SpanId} parent={ParentSpanId}";
}

/// <summary>
/// A collector's OTLP/HTTP endpoint (http/protobuf) on 127.0.0.1: keeps every span exported to /v1/traces and
/// accepts and drops metrics and logs. The services under test export to it as they would to a real collector.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedSpan> _spans = [];

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    /// <summary>The value for OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        app.MapPost("/v1/traces", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var spans = OtlpTraces.Parse(body.ToArray());
            lock (receiver._spans) receiver._spans.AddRange(spans);
            await Accept(context);
        });
        app.MapPost("/v1/{signal}", Accept);
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return receiver;
    }

    /// <summary>An empty Export*ServiceResponse: everything accepted.</summary>
    private static Task Accept(HttpContext context)
    {
        context.Response.ContentType = "application/x-protobuf";
        return Task.CompletedTask;
    }

    public IReadOnlyList<ReceivedSpan> Spans
    {
        get { lock (_spans) return [.. _spans]; }
    }

    /// <summary>
    /// The spans received so far, once <paramref name="complete"/> holds for them. Exporters send in batches, so this
    /// waits for them, bounded to 60 s; then the test fails and lists <paramref name="shown"/> of what did arrive.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitUntilAsync(Func<IReadOnlyList<ReceivedSpan>, bool> complete,
        Func<ReceivedSpan, bool> shown)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var spans = Spans;
            if (complete(spans)) return spans;
            Assert.True(DateTime.UtcNow < giveUp, $"not received within 60 s; of the spans that were:\n{string.Join('\n', spans.Where(shown))}");
            await Task.Delay(50);
        }
    }

    /// <summary>The spans of <paramref name="traceId"/> once <paramref name="complete"/> holds for them (bounded as above).</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForTraceAsync(string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> complete)
    {
        var spans = await WaitUntilAsync(all => complete([.. all.Where(s => s.TraceId == traceId)]), s => s.TraceId == traceId);
        return [.. spans.Where(s => s.TraceId == traceId)];
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _app.StopAsync(timeout.Token); }
        finally { await _app.DisposeAsync(); }
    }
}

/// <summary>
/// Reads the few fields of an OTLP ExportTraceServiceRequest the tests look at (field numbers of
/// opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto); everything else is skipped.
/// </summary>
internal static class OtlpTraces
{
    public static List<ReceivedSpan> Parse(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
        foreach (var resourceSpans in Fields(request, 1)) ReadResourceSpans(resourceSpans, spans);
        return spans;
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private static void ReadResourceSpans(ByteString message, List<ReceivedSpan> spans)
    {
        var service = "";
        foreach (var resource in Fields(message, 1))
        {
            // Resource { repeated KeyValue attributes = 1; }
            foreach (var attribute in Fields(resource, 1))
            {
                var (key, value) = ReadKeyValue(attribute);
                if (key == "service.name") service = value;
            }
        }
        foreach (var scopeSpans in Fields(message, 2))
        {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }; InstrumentationScope { string name = 1; }
            var scope = Fields(scopeSpans, 1).Select(s => Fields(s, 1).FirstOrDefault()?.ToStringUtf8()).FirstOrDefault() ?? "";
            foreach (var span in Fields(scopeSpans, 2)) spans.Add(ReadSpan(service, scope, span));
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated KeyValue attributes = 9; }
    private static ReceivedSpan ReadSpan(string service, string scope, ByteString message)
    {
        string traceId = "", spanId = "", parentSpanId = "", name = "";
        var kind = 0;
        var attributes = new Dictionary<string, string>();
        var input = message.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Convert.ToHexStringLower(input.ReadBytes().Span); break;
                case 2: spanId = Convert.ToHexStringLower(input.ReadBytes().Span); break;
                case 4: parentSpanId = Convert.ToHexStringLower(input.ReadBytes().Span); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                case 9:
                    var (key, value) = ReadKeyValue(input.ReadBytes());
                    attributes[key] = value;
                    break;
                default: input.SkipLastField(); break;
            }
        }
        return new ReceivedSpan(service, scope, traceId, spanId, parentSpanId, name, kind, attributes);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }; AnyValue { string string_value = 1; … } (other types: empty)
    private static (string Key, string Value) ReadKeyValue(ByteString message)
    {
        var key = Fields(message, 1).FirstOrDefault()?.ToStringUtf8() ?? "";
        var value = Fields(message, 2).Select(v => StringValue(v)).FirstOrDefault() ?? "";
        return (key, value);
    }

    private static string StringValue(ByteString anyValue)
    {
        var input = anyValue.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited)) return input.ReadString();
            input.SkipLastField();
        }
        return "";
    }

    /// <summary>The values of the length-delimited field <paramref name="number"/> of a message.</summary>
    private static List<ByteString> Fields(ByteString message, int number) => Fields(message.ToByteArray(), number);

    private static List<ByteString> Fields(byte[] message, int number)
    {
        var found = new List<ByteString>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == WireFormat.MakeTag(number, WireFormat.WireType.LengthDelimited)) found.Add(input.ReadBytes());
            else input.SkipLastField();
        }
        return found;
    }
}
