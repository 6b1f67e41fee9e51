extern alias AppointmentsService;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using OneStop.ServiceDefaults.Identity;
using AppointmentsExtensions = AppointmentsService::OneStop.Appointments.Extensions;
using AppointmentsGrpc = AppointmentsService::OneStop.Appointments.Grpc.AppointmentsGrpcService;

namespace OneStop.Referrals.Tests.TestSupport;

/// <summary>
/// The real appointments service, built by its own AddAppointments on a real Kestrel (127.0.0.1, free port) with its
/// own SQLite file and the test's clock. The referrals service reaches it only over gRPC, as in production.
/// </summary>
public sealed class AppointmentsHost : IAsyncDisposable
{
    private readonly ServiceTestHost _host;

    private AppointmentsHost(ServiceTestHost host) => _host = host;

    public string Address => _host.Address;

    public static async Task<AppointmentsHost> StartAsync(TimeProvider clock)
    {
        var dataDirectory = ServiceTestHost.NewDataDirectory("onestop-referrals-appointments");
        var app = ServiceTestHost.Build("appointments", typeof(AppointmentsGrpc), dataDirectory, [], new Dictionary<string, string?>
        {
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            ["OneStop:Appointments:ValidateDirectoryIds"] = "false",
        }, null, clock, builder => AppointmentsExtensions.AddAppointments(builder));
        app.MapGrpcService<AppointmentsGrpc>();
        app.MapDefaultEndpoints();
        return new AppointmentsHost(await ServiceTestHost.StartAsync(app, dataDirectory));
    }

    /// <summary>Through the referrals project's generated client (the same contract).</summary>
    public OneStop.Appointments.V1.AppointmentsService.AppointmentsServiceClient Client(CallerIdentity caller) => new(_host.CallInvokerFor(caller));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
