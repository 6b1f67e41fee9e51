using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Gateway;
using OneStop.Gateway.Forwarding;
using OneStop.Gateway.Web;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests.Support;

/// <summary>
/// The gateway as Program.cs builds it, on real Kestrel listeners at 127.0.0.1 (free ports), with test routes.
/// Development environment, so development tokens are accepted.
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];
    private readonly string _dataDirectory;

    private GatewayTestHost(WebApplication app, string dataDirectory, Uri grpcAddress, Uri webAddress)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        GrpcAddress = grpcAddress;
        WebAddress = webAddress;
    }

    /// <summary>The h2c entry (OneStop:Port).</summary>
    public Uri GrpcAddress { get; }
    public Uri WebAddress { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a gateway with <paramref name="settings"/> (flat configuration keys, e.g. ReverseProxy:Routes:…) and
    /// optionally a reloadable source for configuration-change tests.
    /// </summary>
    /// <param name="services">Registrations after the gateway's own, e.g. trust in a test issuer's certificate.</param>
    public static async Task<GatewayTestHost> StartAsync(IReadOnlyDictionary<string, string?> settings, ReloadableConfiguration? reloadable = null,
        Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "onestop-gateway-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = dataDirectory, // no appsettings.json here: the test's routes are the only ones
            ApplicationName = typeof(Extensions).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            [Extensions.WebPortKey] = "0",
            ["OneStop:DataDirectory"] = dataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        if (reloadable is not null) ((IConfigurationBuilder)builder.Configuration).Add(reloadable);
        builder.AddGateway();
        services?.Invoke(builder.Services);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseGateway();
        app.MapForwarder();
        app.MapWebFront();
        await app.StartAsync();

        // Kestrel reports the listeners in the order they were configured: the gRPC entry first, then the web front
        // (with TLS, one port serves both).
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        return new GatewayTestHost(app, dataDirectory, new Uri(addresses[0]), new Uri(addresses[^1]));
    }

    /// <summary>Calls through the gateway; with a token, every call carries it as a bearer token.</summary>
    public CallInvoker CallInvoker(string? token = null)
    {
        var channel = GrpcChannel.ForAddress(GrpcAddress);
        _channels.Add(channel);
        return BearerCalls.Invoker(channel, token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _app.StopAsync(timeout.Token); }
        finally { await _app.DisposeAsync(); }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

/// <summary>A configuration source whose values a test changes at run time, raising the reload token like a file would.</summary>
public sealed class ReloadableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public ReloadableConfiguration(IReadOnlyDictionary<string, string?> initial)
    {
        foreach (var (key, value) in initial) Data[key] = value;
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Replace(IReadOnlyDictionary<string, string?> values)
    {
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
