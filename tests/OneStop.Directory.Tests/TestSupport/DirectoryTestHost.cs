using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Directory.Data;
using OneStop.Directory.Grpc;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Tests.TestSupport;

/// <summary>
/// The directory as Program.cs builds it, on a real Kestrel at 127.0.0.1:0 with its own SQLite file in a temp
/// directory (or the database the extra settings name). Redis points at a port where nothing listens: the service
/// must work without it.
/// </summary>
public sealed class DirectoryTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private DirectoryTestHost(WebApplication app, string address, string dataDirectory)
    {
        _app = app;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public string Address { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Extra configuration, e.g. the database provider and connection string.</param>
    public static async Task<DirectoryTestHost> StartAsync(TimeProvider? clock = null, string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= NewDataDirectory();
        var app = Build(dataDirectory, clock, [], settings);
        app.MapGrpcService<DirectoryGrpcService>();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DirectoryTestHost(app, address, dataDirectory);
    }

    public static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "onestop-directory-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The same wiring as Program.cs, with test configuration.</summary>
    public static WebApplication Build(string dataDirectory, TimeProvider? clock, string[] args,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = "Development", // accepts DevelopmentTokens
            ContentRootPath = dataDirectory,
            ApplicationName = typeof(DirectoryGrpcService).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:DataDirectory"] = dataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(TestRedis.Configuration);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults("directory", 0);
        builder.AddDirectory();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock is not null) builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    /// <summary>A client; with a token, every call carries it as a bearer token.</summary>
    public DirectoryService.DirectoryServiceClient Client(string? token = null)
    {
        var channel = GrpcChannel.ForAddress(Address);
        _channels.Add(channel);
        var invoker = token is null
            ? channel.CreateCallInvoker()
            : channel.CreateCallInvoker().Intercept(metadata =>
            {
                metadata.Add("authorization", "Bearer " + token);
                return metadata;
            });
        return new DirectoryService.DirectoryServiceClient(invoker);
    }

    public DirectoryService.DirectoryServiceClient ClientFor(CallerIdentity caller) =>
        Client(DevelopmentTokens.Create(caller.Subject, caller.OrganizationId, caller.RegionAgs, caller.Roles));

    /// <summary>Runs <paramref name="query"/> on a fresh context over the service's database.</summary>
    public async Task<T> QueryAsync<T>(Func<DirectoryDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
    }

    /// <summary>Row counts and the last change version: "nothing was written" means this did not change.</summary>
    public Task<DatabaseState> StateAsync() => QueryAsync(async db => new DatabaseState(
        db.Organizations.Count(), db.Services.Count(), db.Locations.Count(), db.ServicesAtLocation.Count(),
        db.Changes.Count(), db.Changes.Select(c => (long?)c.Version).Max() ?? 0));

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}

public sealed record DatabaseState(int Organizations, int Services, int Locations, int ServicesAtLocation, int Changes, long LastVersion);

public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == ex.StatusCode, $"Expected {expected}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>INVALID_ARGUMENT whose message names <paramref name="field"/>.</summary>
    public static async Task InvalidAsync(string field, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
    }
}
