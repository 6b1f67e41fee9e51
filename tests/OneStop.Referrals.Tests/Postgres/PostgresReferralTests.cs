using Grpc.Core;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;

namespace OneStop.Referrals.Tests.Postgres;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "referrals-postgres";
}

/// <summary>The referral loop, consent refusal with its audit, deadlines and stale versions on PostgreSQL instead of SQLite.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReferralTests(PostgresServerFixture server)
{
    private async Task<ReferralsTestHost> StartAsync(TimeProvider clock) =>
        await ReferralsTestHost.StartAsync(clock, PostgresServerFixture.ServiceSettings(OneStop.Referrals.Extensions.DatabaseName, await server.CreateDatabaseAsync()));

    [Fact]
    public async Task Referral_consent_audit_deadline_and_version_rules_hold_on_postgres()
    {
        var clock = new ManualClock(Now);
        await using var host = await StartAsync(clock);
        var consent = await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());
        var receiver = host.Referrals(AaCounsellor);

        var read = await receiver.GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id });
        await host.Consents(IpFrontdesk).WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = consent.Id, ExpectedVersion = consent.Version });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => receiver.GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Aborted,
            () => receiver.AcceptReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version + 5 }).ResponseAsync);
        clock.Now = new DateTimeOffset(2026, 6, 9, 22, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, await host.TickDeadlinesAsync());
        var accepted = await receiver.AcceptReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version + 1 });

        Assert.Equal(Client, read.ClientId);
        Assert.Equal(new DateTimeOffset(2026, 6, 9, 22, 0, 0, TimeSpan.Zero), sent.DueAt.ToDateTimeOffset());
        Assert.Equal((ReferralState.Accepted, false), (accepted.State, accepted.Overdue));
        Assert.True(accepted.ContentWithheld); // the consent is withdrawn: the receiver acts, but does not read
        var audit = (await host.Consents(IpFrontdesk).ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = Client, OrganizationId = Agentur })).Entries;
        Assert.Equal([AuditDecision.Denied, AuditDecision.Allowed], audit.Select(e => e.Decision));
        var history = (await host.Referrals(IpCounsellor).GetReferralHistoryAsync(new GetReferralRequest { ReferralId = sent.Id })).Events;
        Assert.Equal([ReferralEventKind.Created, ReferralEventKind.Escalated, ReferralEventKind.Transition], history.Select(e => e.Kind));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }
}
