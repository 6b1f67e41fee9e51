using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Referrals.Application;
using OneStop.Referrals.Data;
using OneStop.Referrals.Grpc;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Tests.TestSupport;

/// <summary>
/// The referrals service as Program.cs builds it, on a real Kestrel at 127.0.0.1:0 with its own SQLite file (or a
/// PostgreSQL database), a clock the test sets, the directory stub, an unreachable Redis, and the deadline job's
/// loop off (tests call its tick).
/// </summary>
public sealed class ReferralsTestHost : IAsyncDisposable
{
    private readonly ServiceTestHost _host;
    private readonly DirectoryStub _directory;

    private ReferralsTestHost(ServiceTestHost host, DirectoryStub directory)
    {
        _host = host;
        _directory = directory;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<ReferralsTestHost> StartAsync(TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = await DirectoryStub.StartAsync();
        var dataDirectory = NewDataDirectory();
        var app = Build(dataDirectory, clock, [], directory.Address, settings);
        app.MapReferrals();
        app.MapDefaultEndpoints();
        return new ReferralsTestHost(await ServiceTestHost.StartAsync(app, dataDirectory), directory);
    }

    public static string NewDataDirectory() => ServiceTestHost.NewDataDirectory("onestop-referrals-tests");

    /// <summary>The service's application, not started: for its commands (`migrate`, `seed`) and for reading its database.</summary>
    public static WebApplication Build(string dataDirectory, TimeProvider? clock, string[] args, string directoryAddress,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        ServiceTestHost.Build("referrals", typeof(ReferralGrpcService), dataDirectory, args, new Dictionary<string, string?>
        {
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            ["OneStop:Directory:DirectoryAddress"] = directoryAddress,
            ["OneStop:Directory:Ttl"] = "00:00:00",
            ["OneStop:Directory:StaleWhileRevalidate"] = "00:00:00",
            ["OneStop:Referrals:Deadlines:CheckInterval"] = "00:00:00",
            ["OneStop:Referrals:Deadlines:ExpiryWorkingDays"] = "2",
        }, settings, clock, builder => builder.AddReferrals());

    public ReferralService.ReferralServiceClient Referrals(CallerIdentity caller) => new(_host.CallInvokerFor(caller));

    public ConsentService.ConsentServiceClient Consents(CallerIdentity caller) => new(_host.CallInvokerFor(caller));

    public PlanService.PlanServiceClient Plans(CallerIdentity caller) => new(_host.CallInvokerFor(caller));

    public Task<int> TickDeadlinesAsync() => Services.GetRequiredService<DeadlineJob>().TickAsync(CancellationToken.None);

    public Task<T> QueryAsync<T>(Func<ReferralsDbContext, Task<T>> query) => _host.QueryAsync(query);

    /// <summary>Row counts of every table: "nothing was written" means this did not change.</summary>
    public Task<string> RowCountsAsync() => QueryAsync(async db =>
        $"referrals={await db.Referrals.CountAsync()} events={await db.ReferralEvents.CountAsync()} consents={await db.Consents.CountAsync()} " +
        $"audit={await db.AuditEntries.CountAsync()} plans={await db.Plans.CountAsync()} goals={await db.Goals.CountAsync()} steps={await db.Steps.CountAsync()}");

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _directory.DisposeAsync();
    }
}
