using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Directory.Data;
using OneStop.Directory.Grpc;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.TestSupport;

namespace OneStop.Directory.Tests.TestSupport;

/// <summary>
/// The directory as Program.cs builds it, on a real Kestrel at 127.0.0.1:0 with its own SQLite file in a temp
/// directory (or the database the extra settings name). Redis points at a port where nothing listens: the service
/// must work without it.
/// </summary>
public sealed class DirectoryTestHost : IAsyncDisposable
{
    private readonly ServiceTestHost _host;

    private DirectoryTestHost(ServiceTestHost host) => _host = host;

    public string Address => _host.Address;
    public string DataDirectory => _host.DataDirectory;
    public IServiceProvider Services => _host.Services;

    /// <param name="settings">Extra configuration, e.g. the database provider and connection string.</param>
    public static async Task<DirectoryTestHost> StartAsync(TimeProvider? clock = null, string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        dataDirectory ??= NewDataDirectory();
        var app = Build(dataDirectory, clock, [], settings);
        // Also receives the service's log (levels as configured, e.g. by settings).
        if (logs is not null) app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        app.MapGrpcService<DirectoryGrpcService>();
        app.MapDefaultEndpoints();
        return new DirectoryTestHost(await ServiceTestHost.StartAsync(app, dataDirectory));
    }

    public static string NewDataDirectory() => ServiceTestHost.NewDataDirectory("onestop-directory-tests");

    /// <summary>The same wiring as Program.cs, with test configuration.</summary>
    public static WebApplication Build(string dataDirectory, TimeProvider? clock, string[] args,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        ServiceTestHost.Build("directory", typeof(DirectoryGrpcService), dataDirectory, args, TestRedis.Configuration, settings, clock,
            builder => builder.AddDirectory());

    /// <summary>A client; with a token, every call carries it as a bearer token.</summary>
    public DirectoryService.DirectoryServiceClient Client(string? token = null) => new(_host.CallInvoker(token));

    public DirectoryService.DirectoryServiceClient ClientFor(CallerIdentity caller) => new(_host.CallInvokerFor(caller));

    /// <summary>Runs <paramref name="query"/> on a fresh context over the service's database.</summary>
    public Task<T> QueryAsync<T>(Func<DirectoryDbContext, Task<T>> query) => _host.QueryAsync(query);

    /// <summary>Row counts and the last change version: "nothing was written" means this did not change.</summary>
    public Task<DatabaseState> StateAsync() => QueryAsync(async db => new DatabaseState(
        db.Organizations.Count(), db.Services.Count(), db.Locations.Count(), db.ServicesAtLocation.Count(),
        db.Changes.Count(), db.Changes.Select(c => (long?)c.Version).Max() ?? 0));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

public sealed record DatabaseState(int Organizations, int Services, int Locations, int ServicesAtLocation, int Changes, long LastVersion);
