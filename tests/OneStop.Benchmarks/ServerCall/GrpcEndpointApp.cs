using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Grpc.InteropServer;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// A built (never started) WebApplication with gRPC services mapped, and the request delegate of one mapped
/// endpoint: the exact delegate Kestrel would reach through routing, callable on a fake HttpContext.
/// </summary>
internal sealed class GrpcEndpointApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcEndpointApp(WebApplication app, string path)
    {
        _app = app;
        Handler = FindHandler(app, path);
    }

    public RequestDelegate Handler { get; }
    public IServiceScopeFactory ScopeFactory => _app.Services.GetRequiredService<IServiceScopeFactory>();

    /// <summary>The InteropServer's own wiring (AddInteropServer/MapInteropServer), so its TestServiceImpl runs as it does under h2load.</summary>
    public static GrpcEndpointApp InteropServer(string path)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.AddInteropServer(port: 0);
        var app = builder.Build();
        app.MapInteropServer();
        return new GrpcEndpointApp(app, path);
    }

    /// <summary>Plain AddGrpc/MapGrpcService with default options, no logging.</summary>
    public static GrpcEndpointApp ForService<TService>(string path) where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<TService>();
        return new GrpcEndpointApp(app, path);
    }

    private static RequestDelegate FindHandler(IEndpointRouteBuilder app, string path) =>
        app.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Single(endpoint => endpoint.RoutePattern.RawText == path).RequestDelegate
        ?? throw new InvalidOperationException($"The endpoint {path} has no request delegate.");

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
