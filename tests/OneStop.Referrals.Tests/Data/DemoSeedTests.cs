using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Referrals.Data;
using OneStop.Referrals.Data.Seed;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Tests.Data;

/// <summary>`OneStop.Referrals seed`, as `./onestop up` runs it: the demo referrals, consents and plan, idempotently.</summary>
public sealed class DemoSeedTests
{
    // Nothing listens here: the seed must not need the directory.
    private const string NoDirectory = "http://127.0.0.1:1";

    [Fact]
    public async Task Seed_runs_twice_and_the_second_run_writes_nothing()
    {
        var dataDirectory = ReferralsTestHost.NewDataDirectory();
        Assert.Equal(0, await RunAsync(dataDirectory, ["seed"]));
        var first = await StateAsync(dataDirectory);
        Assert.Equal(0, await RunAsync(dataDirectory, ["seed"]));
        Assert.Equal(first, await StateAsync(dataDirectory));

        await using var app = ReferralsTestHost.Build(dataDirectory, clock: null, [], NoDirectory);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var states = await db.Referrals.Select(r => r.State).ToListAsync();
        Assert.Equal(DemoReferrals.Referrals.Count, states.Count);
        // Various states for the web front: draft, sent, accepted, in progress, rejected, completed.
        Assert.Equal(6, states.Distinct().Count());
        Assert.Equal(DemoReferrals.Consents.Count, await db.Consents.CountAsync());
        Assert.Equal(1, await db.Steps.CountAsync(s => s.PlanId == DemoReferrals.PlanId));
        var completed = await db.Referrals.SingleAsync(r => r.State == (int)ReferralState.Completed);
        // Created, then one event per transition of its path.
        Assert.Equal(5, await db.ReferralEvents.CountAsync(e => e.ReferralId == completed.Id));
        Assert.Equal(5, completed.Version);
    }

    private static async Task<int> RunAsync(string dataDirectory, string[] args)
    {
        await using var app = ReferralsTestHost.Build(dataDirectory, clock: null, args, NoDirectory);
        return await app.RunReferralsAsync(args);
    }

    private static async Task<string> StateAsync(string dataDirectory)
    {
        await using var app = ReferralsTestHost.Build(dataDirectory, clock: null, [], NoDirectory);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        return $"referrals={await db.Referrals.CountAsync()} events={await db.ReferralEvents.CountAsync()} consents={await db.Consents.CountAsync()} " +
            $"plans={await db.Plans.CountAsync()} goals={await db.Goals.CountAsync()} steps={await db.Steps.CountAsync()} " +
            $"versions={string.Join(",", await db.Referrals.OrderBy(r => r.Id).Select(r => r.Version).ToListAsync())}";
    }
}
