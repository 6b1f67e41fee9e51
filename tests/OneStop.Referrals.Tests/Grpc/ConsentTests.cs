using Grpc.Core;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;

namespace OneStop.Referrals.Tests.Grpc;

/// <summary>Consent decides what a receiving organization sees; every read and refusal is in the audit log.</summary>
public sealed class ConsentTests
{
    [Fact]
    public async Task A_consent_withdrawn_between_two_reads_refuses_the_second_and_both_are_audited()
    {
        var clock = new ManualClock(Now);
        await using var host = await ReferralsTestHost.StartAsync(clock);
        var consent = await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());
        var receiver = host.Referrals(AaCounsellor);

        clock.Now = Now.AddHours(1);
        var first = await receiver.GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id });
        clock.Now = Now.AddHours(2);
        var withdrawn = await host.Consents(IpFrontdesk).WithdrawConsentAsync(new WithdrawConsentRequest
        {
            ConsentId = consent.Id, ExpectedVersion = consent.Version, Note = "Klientin widerruft am Empfang",
        });
        clock.Now = Now.AddHours(3);
        var refusal = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => receiver.GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id }).ResponseAsync);

        Assert.False(first.ContentWithheld);
        Assert.Equal(Client, first.ClientId);
        Assert.Equal("Termine nur vormittags (Integrationskurs nachmittags)", first.Note);
        Assert.Equal(Now.AddHours(2), withdrawn.WithdrawnAt.ToDateTimeOffset());
        Assert.Contains("audit", refusal.Status.Detail, StringComparison.Ordinal);
        // After withdrawal the receiver still sees that the referral exists, not its content.
        var row = Assert.Single((await receiver.ListReferralsAsync(new ListReferralsRequest { Box = Box.Inbox })).Referrals);
        Assert.Equal(sent.Id, row.Id);
        Assert.True(row.ContentWithheld);
        Assert.Equal("", row.Note);

        var reads = (await host.Consents(IpFrontdesk).ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = Client, OrganizationId = Agentur })).Entries;
        Assert.Equal(
            [
                (Now.AddHours(3), AuditDecision.Denied, "", "co-aa-1"),
                (Now.AddHours(1), AuditDecision.Allowed, consent.Id, "co-aa-1"),
            ],
            reads.Select(e => (e.At.ToDateTimeOffset(), e.Decision, e.ConsentId, e.ActorSubject)).ToList());
        Assert.All(reads, e => Assert.Equal($"referral/{sent.Id}", e.Resource));
        Assert.All(reads, e => Assert.Equal([DataCategory.Needs, DataCategory.Languages, DataCategory.CaseNotes], e.Categories));
        // The sending itself is on record as a disclosure to the Agentur under that consent.
        var all = (await host.Consents(IpFrontdesk).ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = Client })).Entries;
        var disclosure = Assert.Single(all, e => e.DisclosedToOrganizationId == Agentur);
        Assert.Equal((IntegrationPoint, consent.Id), (disclosure.ActorOrganizationId, disclosure.ConsentId));
    }

    [Fact]
    public async Task CheckConsent_follows_purpose_recipient_category_and_validity_and_audits_each_answer()
    {
        var clock = new ManualClock(Now);
        await using var host = await ReferralsTestHost.StartAsync(clock);
        var consent = await host.Consents(IpCounsellor).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var skills = host.Consents(Staff("skills-service", "org-skills", OneStop.ServiceDefaults.Identity.OneStopRoles.AgencySystem));
        CheckConsentRequest Ask(string org, DataCategory category, ConsentPurpose purpose) => new()
        {
            ClientId = Client, OrganizationId = org, Category = category, Purpose = purpose, Resource = "skills/profile/42",
        };

        var allowed = await skills.CheckConsentAsync(Ask(Agentur, DataCategory.Languages, ConsentPurpose.Referral));
        var otherOrg = await skills.CheckConsentAsync(Ask(Jobcenter, DataCategory.Languages, ConsentPurpose.Referral));
        var otherCategory = await skills.CheckConsentAsync(Ask(Agentur, DataCategory.Health, ConsentPurpose.Referral));
        var otherPurpose = await skills.CheckConsentAsync(Ask(Agentur, DataCategory.Languages, ConsentPurpose.EmployerMatching));
        clock.Now = Now.AddDays(90);
        var expired = await skills.CheckConsentAsync(Ask(Agentur, DataCategory.Languages, ConsentPurpose.Referral));

        Assert.Equal((true, consent.Id), (allowed.Allowed, allowed.ConsentId));
        Assert.Equal(consent.ValidUntil, allowed.ValidUntil);
        Assert.False(otherOrg.Allowed);
        Assert.False(otherCategory.Allowed);
        Assert.False(otherPurpose.Allowed);
        Assert.False(expired.Allowed);
        var entries = (await host.Consents(RegionAdmin).ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = Client })).Entries;
        Assert.Equal(5, entries.Count(e => e.Resource == "skills/profile/42"));
        Assert.Equal(1, entries.Count(e => e.Resource == "skills/profile/42" && e.Decision == AuditDecision.Allowed));
    }

    [Fact]
    public async Task Withdrawing_needs_the_current_version_and_only_once()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        var consents = host.Consents(IpFrontdesk);
        var consent = await consents.RecordConsentAsync(ReferralConsent(Client, Agentur));
        var withdrawn = await consents.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = consent.Id, ExpectedVersion = consent.Version });

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => consents.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = consent.Id, ExpectedVersion = consent.Version }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => consents.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = consent.Id, ExpectedVersion = withdrawn.Version }).ResponseAsync);
        // Agency systems check consents but do not take them: that happens where the client is.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => host.Consents(Staff("aa-system", Agentur, OneStop.ServiceDefaults.Identity.OneStopRoles.AgencySystem)).RecordConsentAsync(ReferralConsent(Client, Agentur)).ResponseAsync);
    }
}
