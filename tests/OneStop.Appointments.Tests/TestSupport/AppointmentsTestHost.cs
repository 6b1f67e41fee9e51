using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Appointments.Data;
using OneStop.Appointments.Grpc;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Tests.TestSupport;

/// <summary>
/// The service as Program.cs builds it, on a real Kestrel at 127.0.0.1:0 with its own SQLite file in a temp
/// directory, a clock the test sets, no directory checks and an unreachable Redis.
/// </summary>
public sealed class AppointmentsTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private AppointmentsTestHost(WebApplication app, string address, string dataDirectory)
    {
        _app = app;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public string Address { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Extra configuration, applied last (e.g. provider Postgres and its connection string).</param>
    public static async Task<AppointmentsTestHost> StartAsync(TimeProvider clock, TimeSpan? releaseDelay = null, string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= NewDataDirectory();
        var app = Build(dataDirectory, clock, [], releaseDelay, settings);
        app.MapGrpcService<AppointmentsGrpcService>();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AppointmentsTestHost(app, address, dataDirectory);
    }

    public static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "onestop-appointments-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public static WebApplication Build(string dataDirectory, TimeProvider? clock, string[] args, TimeSpan? releaseDelay = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = "Development", // accepts DevelopmentTokens
            ContentRootPath = dataDirectory,
            ApplicationName = typeof(AppointmentsGrpcService).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:DataDirectory"] = dataDirectory,
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            ["OneStop:Appointments:ValidateDirectoryIds"] = "false",
            ["OneStop:Appointments:CancellationReleaseDelay"] = (releaseDelay ?? TimeSpan.Zero).ToString(),
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults("appointments", 0);
        builder.AddAppointments();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock is not null) builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    public AppointmentsService.AppointmentsServiceClient ClientFor(CallerIdentity? caller)
    {
        var channel = GrpcChannel.ForAddress(Address);
        _channels.Add(channel);
        var invoker = caller is null
            ? channel.CreateCallInvoker()
            : channel.CreateCallInvoker().Intercept(metadata =>
            {
                metadata.Add("authorization", "Bearer " + DevelopmentTokens.Create(caller.Subject, caller.OrganizationId, caller.RegionAgs, caller.Roles));
                return metadata;
            });
        return new AppointmentsService.AppointmentsServiceClient(invoker);
    }

    public async Task<T> QueryAsync<T>(Func<AppointmentsDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>());
    }

    /// <summary>Row counts of every table: "nothing was written" means this did not change.</summary>
    public Task<string> RowCountsAsync() => QueryAsync(async db =>
        $"appointments={await db.Appointments.CountAsync()} participants={await db.Participants.CountAsync()} holds={await db.Holds.CountAsync()} " +
        $"allocations={await db.Allocations.CountAsync()} changes={await db.Changes.CountAsync()} idempotency={await db.IdempotencyRecords.CountAsync()} " +
        $"resources={await db.Resources.CountAsync()} types={await db.AppointmentTypes.CountAsync()}");

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

/// <summary>A clock the test sets; timers still run on real time.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == ex.StatusCode, $"Expected {expected}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    public static async Task InvalidAsync(string field, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
    }
}
