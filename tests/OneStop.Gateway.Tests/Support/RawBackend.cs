using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Gateway.Tests.Support;

/// <summary>
/// A backend whose every move the test controls: plain Kestrel (h2c) writing gRPC frames by hand, so it can stall,
/// ignore deadlines, die mid-call or answer Trailers-Only — things a well-behaved gRPC server never does.
/// Answers grpc.health.v1 Check with <see cref="Serving"/>; every other call goes to <see cref="OnCall"/>.
/// </summary>
public sealed class RawBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawBackend(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>What health probes hear: SERVING or NOT_SERVING.</summary>
    public bool Serving { get; set; } = true;

    /// <summary>false: Check answers UNIMPLEMENTED, as a server without the health service does.</summary>
    public bool HasHealthService { get; set; } = true;

    /// <summary>The service name of each health check received.</summary>
    public ConcurrentQueue<string> HealthChecks { get; } = new();

    /// <summary>Calls other than health checks that reached this backend.</summary>
    public int Calls => Volatile.Read(ref _calls);
    private int _calls;

    /// <summary>The request headers of each call, in arrival order.</summary>
    public ConcurrentQueue<IHeaderDictionary> ReceivedHeaders { get; } = new();

    /// <summary>Completes when a call's RequestAborted fires (the gateway cancelled it).</summary>
    public TaskCompletionSource CallAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The behaviour of every non-health call; the default answers with an empty message and status OK.</summary>
    public Func<HttpContext, Task> OnCall { get; set; } = ReplyEmptyAsync;

    public static async Task<RawBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new RawBackend(app);
        app.MapPost("/grpc.health.v1.Health/Check", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (body.Length >= 5) backend.HealthChecks.Enqueue(HealthCheckRequest.Parser.ParseFrom(body.ToArray().AsSpan(5)).Service);
            if (!backend.HasHealthService)
            {
                await TrailersOnly(12, "unknown service grpc.health.v1.Health")(context);
                return;
            }
            var status = backend.Serving ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing;
            await WriteHeadersAsync(context);
            await WriteMessageAsync(context, new HealthCheckResponse { Status = status });
            context.Response.AppendTrailer("grpc-status", "0");
        });
        app.MapPost("/{service}/{method}", async context =>
        {
            Interlocked.Increment(ref backend._calls);
            backend.ReceivedHeaders.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase)));
            context.RequestAborted.Register(() => backend.CallAborted.TrySetResult());
            await backend.OnCall(context);
        });
        await app.StartAsync();
        backend.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return backend;
    }

    public static async Task ReplyEmptyAsync(HttpContext context)
    {
        await DrainRequestAsync(context);
        await WriteHeadersAsync(context);
        await WriteMessageAsync(context, new Google.Protobuf.WellKnownTypes.Empty());
        context.Response.AppendTrailer("grpc-status", "0");
    }

    /// <summary>A Trailers-Only answer: the status in the one HEADERS frame, without reading the request.</summary>
    public static Func<HttpContext, Task> TrailersOnly(int status, string message) => context =>
    {
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = message;
        return Task.CompletedTask;
    };

    public static async Task DrainRequestAsync(HttpContext context)
    {
        var buffer = new byte[4096];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0) { }
    }

    public static Task WriteHeadersAsync(HttpContext context)
    {
        context.Response.ContentType = "application/grpc";
        return context.Response.StartAsync();
    }

    /// <summary>One length-prefixed, uncompressed message, flushed at once.</summary>
    public static async Task WriteMessageAsync(HttpContext context, IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        await context.Response.Body.WriteAsync(frame, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _app.StopAsync(timeout.Token); }
        catch (OperationCanceledException) { /* calls still hanging are cut off */ }
        await _app.DisposeAsync();
    }
}
