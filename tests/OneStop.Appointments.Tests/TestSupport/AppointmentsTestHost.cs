using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Appointments.Data;
using OneStop.Appointments.Grpc;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.TestSupport;

namespace OneStop.Appointments.Tests.TestSupport;

/// <summary>
/// The service as Program.cs builds it, on a real Kestrel at 127.0.0.1:0 with its own SQLite file in a temp
/// directory, a clock the test sets, no directory checks and an unreachable Redis.
/// </summary>
public sealed class AppointmentsTestHost : IAsyncDisposable
{
    private readonly ServiceTestHost _host;

    private AppointmentsTestHost(ServiceTestHost host) => _host = host;

    public string Address => _host.Address;
    public string DataDirectory => _host.DataDirectory;
    public IServiceProvider Services => _host.Services;

    /// <param name="settings">Extra configuration, applied last (e.g. provider Postgres and its connection string).</param>
    /// <param name="logs">A provider that also receives the service's log (levels as configured, e.g. by <paramref name="settings"/>).</param>
    public static async Task<AppointmentsTestHost> StartAsync(TimeProvider clock, TimeSpan? releaseDelay = null, string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        dataDirectory ??= NewDataDirectory();
        var app = Build(dataDirectory, clock, [], releaseDelay, settings);
        if (logs is not null) app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        app.MapGrpcService<AppointmentsGrpcService>();
        app.MapDefaultEndpoints();
        return new AppointmentsTestHost(await ServiceTestHost.StartAsync(app, dataDirectory));
    }

    public static string NewDataDirectory() => ServiceTestHost.NewDataDirectory("onestop-appointments-tests");

    public static WebApplication Build(string dataDirectory, TimeProvider? clock, string[] args, TimeSpan? releaseDelay = null,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        ServiceTestHost.Build("appointments", typeof(AppointmentsGrpcService), dataDirectory, args, new Dictionary<string, string?>
        {
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            ["OneStop:Appointments:ValidateDirectoryIds"] = "false",
            ["OneStop:Appointments:CalendarTextFromDirectory"] = "false",
            ["OneStop:Appointments:CancellationReleaseDelay"] = (releaseDelay ?? TimeSpan.Zero).ToString(),
        }, settings, clock, builder => builder.AddAppointments());

    public AppointmentsService.AppointmentsServiceClient ClientFor(CallerIdentity? caller) => new(_host.CallInvokerFor(caller));

    public Task<T> QueryAsync<T>(Func<AppointmentsDbContext, Task<T>> query) => _host.QueryAsync(query);

    /// <summary>Row counts of every table: "nothing was written" means this did not change.</summary>
    public Task<string> RowCountsAsync() => QueryAsync(async db =>
        $"appointments={await db.Appointments.CountAsync()} participants={await db.Participants.CountAsync()} holds={await db.Holds.CountAsync()} " +
        $"allocations={await db.Allocations.CountAsync()} changes={await db.Changes.CountAsync()} idempotency={await db.IdempotencyRecords.CountAsync()} " +
        $"resources={await db.Resources.CountAsync()} types={await db.AppointmentTypes.CountAsync()}");

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
