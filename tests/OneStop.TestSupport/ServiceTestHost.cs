using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.TestSupport;

/// <summary>
/// A OneStop service as its Program.cs builds it, on a real Kestrel at 127.0.0.1:0 with its own data directory in
/// the temp folder. Each service's test host wraps one of these and adds what is special to that service.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private ServiceTestHost(WebApplication app, string address, string dataDirectory)
    {
        _app = app;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public string Address { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _app.Services;

    public static string NewDataDirectory(string testSuite)
    {
        var directory = Path.Combine(Path.GetTempPath(), testSuite, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// The service's wiring with test configuration: Development (so DevelopmentTokens are accepted), port 0, the
    /// data directory, then <paramref name="configuration"/> and last <paramref name="settings"/> (which win).
    /// </summary>
    public static WebApplication Build(string serviceName, Type serviceType, string dataDirectory, string[] args,
        IReadOnlyDictionary<string, string?> configuration, IReadOnlyDictionary<string, string?>? settings,
        TimeProvider? clock, Action<WebApplicationBuilder> addService)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = "Development",
            ContentRootPath = dataDirectory,
            ApplicationName = serviceType.Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:DataDirectory"] = dataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(serviceName, 0);
        addService(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock is not null) builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> (endpoints already mapped) and reads the port Kestrel bound.</summary>
    public static async Task<ServiceTestHost> StartAsync(WebApplication app, string dataDirectory)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceTestHost(app, address, dataDirectory);
    }

    /// <summary>Calls to this host; with a token, every call carries it as a bearer token.</summary>
    public CallInvoker CallInvoker(string? token)
    {
        var channel = GrpcChannel.ForAddress(Address);
        _channels.Add(channel);
        return BearerCalls.Invoker(channel, token);
    }

    /// <summary>Calls as <paramref name="caller"/> (a development token), or anonymous when null.</summary>
    public CallInvoker CallInvokerFor(CallerIdentity? caller) =>
        CallInvoker(caller is null ? null : DevelopmentTokens.Create(caller.Subject, caller.OrganizationId, caller.RegionAgs, caller.Roles,
            extraClaims: caller.Scopes.Count == 0 ? null : new Dictionary<string, object> { [OneStopClaimTypes.Scope] = string.Join(' ', caller.Scopes) }));

    /// <summary>Runs <paramref name="query"/> on a fresh scope's <typeparamref name="TContext"/> over the service's database.</summary>
    public async Task<T> QueryAsync<TContext, T>(Func<TContext, Task<T>> query) where TContext : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
