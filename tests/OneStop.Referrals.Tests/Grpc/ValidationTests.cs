using Google.Protobuf.WellKnownTypes;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;

namespace OneStop.Referrals.Tests.Grpc;

/// <summary>Bad input is INVALID_ARGUMENT naming the field, and writes nothing.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string> CreateCases => new()
    {
        "client_id", "receiver_service_id", "reason", "needs", "shared_categories", "attachments[0].category", "interpreter_language", "languages[0]",
    };

    [Theory]
    [MemberData(nameof(CreateCases))]
    public async Task CreateReferral_names_the_bad_field(string field)
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var request = ToAgentur();
        switch (field)
        {
            case "client_id": request.ClientId = ""; break;
            case "receiver_service_id": request.ReceiverServiceId = "svc-does-not-exist"; break;
            case "reason": request.Reason = " "; break;
            case "needs": request.Needs.Clear(); break;
            case "shared_categories": request.SharedCategories.Remove(DataCategory.CaseNotes); break;
            case "attachments[0].category":
                request.Attachments.Add(new AttachmentRef { Uri = "https://dms.example/doc/1", Category = DataCategory.Health });
                break;
            case "interpreter_language": request.InterpreterLanguage = "Ukrainisch"; break;
            case "languages[0]": request.Languages[0] = "UK"; break;
        }
        var before = await host.RowCountsAsync();

        await RpcAssert.InvalidAsync(field, () => host.Referrals(IpCounsellor).CreateReferralAsync(request).ResponseAsync);

        Assert.Equal(before, await host.RowCountsAsync());
    }

    [Fact]
    public async Task Transitions_consents_and_plans_name_their_bad_fields()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        var referrals = host.Referrals(AaCounsellor);
        await RpcAssert.InvalidAsync("expected_version", () => referrals.AcceptReferralAsync(new TransitionRequest { ReferralId = "r1" }).ResponseAsync);
        await RpcAssert.InvalidAsync("reason", () => referrals.RejectReferralAsync(new RejectReferralRequest { ReferralId = "r1", ExpectedVersion = 1 }).ResponseAsync);
        await RpcAssert.InvalidAsync("outcome", () => referrals.CompleteReferralAsync(new CompleteReferralRequest
        {
            ReferralId = "r1", ExpectedVersion = 1, Outcome = ReferralOutcome.NoAnswer,
        }).ResponseAsync);
        await RpcAssert.InvalidAsync("page_size", () => referrals.ListReferralsAsync(new ListReferralsRequest { PageSize = 1000 }).ResponseAsync);
        await RpcAssert.InvalidAsync("page_token", () => referrals.ListReferralsAsync(new ListReferralsRequest { PageToken = "not-a-token" }).ResponseAsync);

        var consent = ReferralConsent(Client, Agentur);
        consent.ValidUntil = Timestamp.FromDateTimeOffset(Now.AddDays(-1));
        await RpcAssert.InvalidAsync("valid_until", () => host.Consents(IpFrontdesk).RecordConsentAsync(consent).ResponseAsync);
        var noRecipient = ReferralConsent(Client);
        await RpcAssert.InvalidAsync("recipient_organization_ids", () => host.Consents(IpFrontdesk).RecordConsentAsync(noRecipient).ResponseAsync);
        await RpcAssert.InvalidAsync("category", () => host.Consents(IpFrontdesk).CheckConsentAsync(new CheckConsentRequest
        {
            ClientId = Client, OrganizationId = Agentur, Purpose = ConsentPurpose.Referral, Resource = "x",
        }).ResponseAsync);
        await RpcAssert.InvalidAsync("title", () => host.Plans(AaCounsellor).AddGoalAsync(new AddGoalRequest { ClientId = Client, Category = DataCategory.Languages }).ResponseAsync);
        Assert.Equal("referrals=0 events=0 consents=0 audit=0 plans=0 goals=0 steps=0", await host.RowCountsAsync());
    }
}
