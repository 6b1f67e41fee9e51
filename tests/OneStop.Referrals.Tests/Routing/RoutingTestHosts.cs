using Microsoft.AspNetCore.Builder;
using OneStop.Directory;
using OneStop.Directory.Grpc;
using OneStop.Referrals.Grpc;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Referrals.Tests.Routing;

/// <summary>
/// The real Directory service, seeded with the demo county by its `seed` command as `./onestop up` does, and the
/// referrals service reading it through OneStop.Directory.Client, both on Kestrel at 127.0.0.1:0 without Redis
/// (the client then reads the directory over gRPC). The referrals clock is fixed at 30 June 2026 22:30 UTC, which is
/// already 1 July in Berlin: ages must follow the Berlin date.
/// </summary>
public sealed class RoutingTestHosts : IAsyncLifetime
{
    private const string UnreachableRedis = "127.0.0.1:1,connectTimeout=200,abortConnect=false";

    public static readonly DateTimeOffset Now = new(2026, 6, 30, 22, 30, 0, TimeSpan.Zero);

    private ServiceTestHost? _directory;
    private ServiceTestHost? _referrals;

    public ServiceTestHost Referrals => _referrals ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var directoryData = ServiceTestHost.NewDataDirectory("onestop-referrals-tests");
        WebApplication BuildDirectory(string[] args) => ServiceTestHost.Build("directory", typeof(DirectoryGrpcService), directoryData, args,
            new Dictionary<string, string?> { ["OneStop:Redis"] = UnreachableRedis, ["OneStop:Directory:Redis"] = UnreachableRedis },
            null, null, builder => builder.AddDirectory());
        await using (var seed = BuildDirectory(["seed"])) Assert.Equal(0, await seed.RunDirectoryAsync(["seed"]));
        var directory = BuildDirectory([]);
        directory.MapGrpcService<DirectoryGrpcService>();
        _directory = await ServiceTestHost.StartAsync(directory, directoryData);

        var referralsData = ServiceTestHost.NewDataDirectory("onestop-referrals-tests");
        var referrals = ServiceTestHost.Build("referrals", typeof(ReferralRoutingService), referralsData, [],
            new Dictionary<string, string?>
            {
                ["OneStop:Redis"] = UnreachableRedis,
                ["OneStop:Directory:DirectoryAddress"] = _directory.Address,
            },
            null, new ManualClock(Now), builder => builder.AddReferrals());
        referrals.MapReferrals();
        _referrals = await ServiceTestHost.StartAsync(referrals, referralsData);
    }

    public ReferralRouting.ReferralRoutingClient ClientFor(CallerIdentity? caller) => new(Referrals.CallInvokerFor(caller));

    public async Task DisposeAsync()
    {
        if (_referrals is not null) await _referrals.DisposeAsync();
        if (_directory is not null) await _directory.DisposeAsync();
    }
}
