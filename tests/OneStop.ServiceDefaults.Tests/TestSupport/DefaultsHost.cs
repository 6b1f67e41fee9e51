using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OneStop.ServiceDefaults.Tests.TestSupport;

/// <summary>
/// A real service host made the way a OneStop Program.cs makes one (AddServiceDefaults + MapDefaultEndpoints),
/// on 127.0.0.1 with <c>OneStop:Port=0</c> so the default port is overridden by a free one.
/// </summary>
public sealed class DefaultsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DefaultsHost(WebApplication app, string address)
    {
        _app = app;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public string Address { get; }
    public GrpcChannel Channel { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="services">Registrations after the service defaults' own, e.g. trust in a test issuer's certificate.</param>
    public static async Task<DefaultsHost> StartAsync(string environment = "Production", IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var configuration = new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:Auth:UseDevelopmentKey"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);
        // 5999 would be used without OneStop:Port; the free port proves the configuration wins.
        builder.AddServiceDefaults("defaults-test", 5999);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<WhoAmIService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DefaultsHost(app, address);
    }

    /// <summary>Calls WhoAmI with an optional bearer token and a 10 s deadline.</summary>
    public Task<string> WhoAmIAsync(string? token) => CallAsync(WhoAmIService.WhoAmIMethod, token is null ? null : "Bearer " + token);

    /// <summary>Calls Hello, which admits anonymous callers, with this Authorization header (none when null).</summary>
    public Task<string> HelloAsync(string? authorization) => CallAsync(WhoAmIService.HelloMethod, authorization);

    private async Task<string> CallAsync(Method<string, string> method, string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null) headers.Add("authorization", authorization);
        var call = Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(10)), "");
        return await call.ResponseAsync;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _app.StopAsync(timeout.Token); }
        finally { await _app.DisposeAsync(); }
    }
}
