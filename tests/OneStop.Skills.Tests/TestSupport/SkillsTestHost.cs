extern alias ReferralsService;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.Skills.Data;
using OneStop.Skills.Grpc;
using OneStop.Skills.V1;
using ReferralsExtensions = ReferralsService::OneStop.Referrals.Extensions;
using ReferralsGrpc = ReferralsService::OneStop.Referrals.Grpc.ReferralGrpcService;

namespace OneStop.Skills.Tests.TestSupport;

/// <summary>
/// The skills service as Program.cs builds it, next to the real referrals service (its consent ledger and audit log),
/// each on a real Kestrel at 127.0.0.1 on a free port with its own SQLite file (skills optionally on PostgreSQL).
/// Skills reaches referrals only over gRPC, as in production.
/// </summary>
public sealed class SkillsTestHost : IAsyncDisposable
{
    private readonly ServiceTestHost _skills;
    private readonly ServiceTestHost _referrals;

    private SkillsTestHost(ServiceTestHost skills, ServiceTestHost referrals)
    {
        _skills = skills;
        _referrals = referrals;
    }

    public string Address => _skills.Address;

    public static async Task<SkillsTestHost> StartAsync(TimeProvider clock, IReadOnlyDictionary<string, string?>? skillsSettings = null)
    {
        var referralsData = ServiceTestHost.NewDataDirectory("onestop-skills-referrals");
        var referralsApp = ServiceTestHost.Build("referrals", typeof(ReferralsGrpc), referralsData, [], new Dictionary<string, string?>
        {
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            ["OneStop:Directory:DirectoryAddress"] = "http://127.0.0.1:1",
            ["OneStop:Referrals:Deadlines:CheckInterval"] = "00:00:00",
        }, null, clock, builder => ReferralsExtensions.AddReferrals(builder));
        ReferralsExtensions.MapReferrals(referralsApp);
        referralsApp.MapDefaultEndpoints();
        var referrals = await ServiceTestHost.StartAsync(referralsApp, referralsData);

        var skillsData = ServiceTestHost.NewDataDirectory("onestop-skills-tests");
        var skillsApp = ServiceTestHost.Build("skills", typeof(SkillsGrpcService), skillsData, [], new Dictionary<string, string?>
        {
            ["OneStop:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
            [Extensions.ReferralsAddressKey] = referrals.Address,
        }, skillsSettings, clock, builder => builder.AddSkills());
        skillsApp.MapSkills();
        skillsApp.MapDefaultEndpoints();
        return new SkillsTestHost(await ServiceTestHost.StartAsync(skillsApp, skillsData), referrals);
    }

    public SkillsService.SkillsServiceClient Skills(CallerIdentity caller) => new(_skills.CallInvokerFor(caller));

    /// <summary>The referrals service's ledger, through the client the skills project generates (the same contract).</summary>
    public ConsentService.ConsentServiceClient Consents(CallerIdentity caller) => new(_referrals.CallInvokerFor(caller));

    public Task<T> QueryAsync<T>(Func<SkillsDbContext, Task<T>> query) => _skills.QueryAsync(query);

    public async ValueTask DisposeAsync()
    {
        await _skills.DisposeAsync();
        await _referrals.DisposeAsync();
    }
}
