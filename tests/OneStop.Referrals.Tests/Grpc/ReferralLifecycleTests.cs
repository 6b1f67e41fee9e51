using Grpc.Core;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;

namespace OneStop.Referrals.Tests.Grpc;

/// <summary>The closed loop: sent, seen, answered, followed up; who may set which state; versions; regions.</summary>
public sealed class ReferralLifecycleTests
{
    [Fact]
    public async Task A_referral_goes_from_requested_to_completed_and_every_step_is_in_its_history()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sender = host.Referrals(IpCounsellor);
        var receiver = host.Referrals(AaCounsellor);

        var sent = await sender.CreateReferralAsync(ToAgentur());
        Assert.Equal(ReferralState.Requested, sent.State);
        Assert.Equal(Agentur, sent.ReceiverOrganizationId);
        Assert.Equal(IntegrationPoint, sent.SenderOrganizationId);
        var received = await receiver.ReceiveReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version });
        var accepted = await receiver.AcceptReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = received.Version });
        var started = await receiver.StartReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = accepted.Version });
        var completed = await receiver.CompleteReferralAsync(new CompleteReferralRequest
        {
            ReferralId = sent.Id, ExpectedVersion = started.Version, Outcome = ReferralOutcome.MovedAway,
        });

        Assert.Equal(ReferralState.Completed, completed.State);
        Assert.Equal(ReferralOutcome.MovedAway, completed.Outcome);
        // The receiver acts under the consent, so it sees the content it answers.
        Assert.False(completed.ContentWithheld);
        Assert.Equal("uk", completed.InterpreterLanguage);
        var history = (await sender.GetReferralHistoryAsync(new GetReferralRequest { ReferralId = sent.Id })).Events;
        Assert.Equal(
            [
                (ReferralEventKind.Created, ReferralState.Unspecified, ReferralState.Requested, ReferralRole.Sender, IntegrationPoint),
                (ReferralEventKind.Transition, ReferralState.Requested, ReferralState.Received, ReferralRole.Receiver, Agentur),
                (ReferralEventKind.Transition, ReferralState.Received, ReferralState.Accepted, ReferralRole.Receiver, Agentur),
                (ReferralEventKind.Transition, ReferralState.Accepted, ReferralState.InProgress, ReferralRole.Receiver, Agentur),
                (ReferralEventKind.Transition, ReferralState.InProgress, ReferralState.Completed, ReferralRole.Receiver, Agentur),
            ],
            history.Select(e => (e.Kind, e.FromState, e.ToState, e.ActorRole, e.ActorOrganizationId)).ToList());
        Assert.All(history, e => Assert.Equal(Now, e.At.ToDateTimeOffset()));
        Assert.Equal(ReferralOutcome.MovedAway, history[^1].Outcome);
    }

    [Fact]
    public async Task Sending_without_a_consent_is_refused_and_writes_nothing()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        var before = await host.RowCountsAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur()).ResponseAsync);

        Assert.Contains("consent", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await host.RowCountsAsync());
    }

    [Fact]
    public async Task A_draft_is_invisible_to_the_receiver_until_the_sender_submits_it()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var draft = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur(submit: false));
        Assert.Equal(ReferralState.Draft, draft.State);
        Assert.Null(draft.DueAt);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Referrals(AaCounsellor).GetReferralAsync(new GetReferralRequest { ReferralId = draft.Id }).ResponseAsync);
        Assert.Empty((await host.Referrals(AaCounsellor).ListReferralsAsync(new ListReferralsRequest { Box = Box.Inbox })).Referrals);

        var sent = await host.Referrals(IpFrontdesk).SubmitReferralAsync(new TransitionRequest { ReferralId = draft.Id, ExpectedVersion = draft.Version });
        Assert.Equal(ReferralState.Requested, sent.State);
        Assert.NotNull(sent.DueAt);
        var inbox = await host.Referrals(AaCounsellor).ListReferralsAsync(new ListReferralsRequest { Box = Box.Inbox, States = { ReferralState.Requested } });
        var row = Assert.Single(inbox.Referrals);
        Assert.True(row.ContentWithheld);
        Assert.Equal("", row.Reason);
        Assert.Equal("", row.ClientId);
    }

    [Theory]
    [InlineData("sender-accepts")]
    [InlineData("receiver-cancels")]
    [InlineData("receiver-starts-unaccepted")]
    [InlineData("receiver-completes-rejected")]
    public async Task An_illegal_transition_is_failed_precondition_naming_state_and_role(string case_)
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sender = host.Referrals(IpCounsellor);
        var receiver = host.Referrals(AaCounsellor);
        var sent = await sender.CreateReferralAsync(ToAgentur());
        var at = new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version };

        var (call, state, role) = case_ switch
        {
            "sender-accepts" => ((Func<Task>)(() => sender.AcceptReferralAsync(at).ResponseAsync), "requested", "sender"),
            "receiver-cancels" => (() => receiver.CancelReferralAsync(new CancelReferralRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version }).ResponseAsync,
                "requested", "receiver"),
            "receiver-starts-unaccepted" => (() => receiver.StartReferralAsync(at).ResponseAsync, "requested", "receiver"),
            _ => (async () =>
            {
                var rejected = await receiver.RejectReferralAsync(new RejectReferralRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version, Reason = "Nicht zuständig" });
                await receiver.CompleteReferralAsync(new CompleteReferralRequest
                {
                    ReferralId = sent.Id, ExpectedVersion = rejected.Version, Outcome = ReferralOutcome.ServiceProvided,
                });
            }, "rejected", "receiver"),
        };

        var error = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, call);
        Assert.Contains($"state {state}", error.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith(role, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_aborted_and_changes_nothing()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var receiver = host.Referrals(AaCounsellor);
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());
        await receiver.ReceiveReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version });
        var before = await host.RowCountsAsync();

        await RpcAssert.FailsAsync(StatusCode.Aborted,
            () => receiver.RejectReferralAsync(new RejectReferralRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version, Reason = "zu spät gelesen" }).ResponseAsync);

        Assert.Equal(before, await host.RowCountsAsync());
        var now = await host.Referrals(IpCounsellor).GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id });
        Assert.Equal(ReferralState.Received, now.State);
    }

    [Fact]
    public async Task Another_region_sees_nothing_even_with_the_same_organization_id()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());

        foreach (var outsider in new[] { AgenturOtherRegion, CologneCounsellor })
        {
            var referrals = host.Referrals(outsider);
            await RpcAssert.FailsAsync(StatusCode.NotFound, () => referrals.GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id }).ResponseAsync);
            await RpcAssert.FailsAsync(StatusCode.NotFound,
                () => referrals.AcceptReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version }).ResponseAsync);
            Assert.Empty((await referrals.ListReferralsAsync(new ListReferralsRequest { Box = Box.Inbox })).Referrals);
            Assert.Empty((await host.Consents(outsider).GetConsentsAsync(new GetConsentsRequest { ClientId = Client })).Consents);
        }
        // A third organization of the same region is not a party either.
        await RpcAssert.FailsAsync(StatusCode.NotFound,
            () => host.Referrals(MbeCounsellor).GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id }).ResponseAsync);
        // And a referral cannot be sent to another region's service.
        var toCologne = ToAgentur();
        toCologne.ReceiverServiceId = CologneService;
        await RpcAssert.InvalidAsync("receiver_service_id", () => host.Referrals(IpCounsellor).CreateReferralAsync(toCologne).ResponseAsync);
    }

    [Fact]
    public async Task Inbox_pages_filter_by_state_and_service_and_do_not_repeat_rows()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur, Jobcenter));
        var sender = host.Referrals(IpCounsellor);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add((await sender.CreateReferralAsync(ToAgentur())).Id);
        var toJobcenter = ToAgentur();
        toJobcenter.ReceiverServiceId = JobcenterService;
        await sender.CreateReferralAsync(toJobcenter);
        var first = await host.Referrals(AaCounsellor).ReceiveReferralAsync(new TransitionRequest { ReferralId = ids[0], ExpectedVersion = 1 });

        var seen = new List<string>();
        var token = "";
        for (var page = 0; page < 10; page++)
        {
            var response = await host.Referrals(AaCounsellor).ListReferralsAsync(new ListReferralsRequest
            {
                Box = Box.Inbox, States = { ReferralState.Requested }, ServiceId = AgenturService, PageSize = 2, PageToken = token,
            });
            seen.AddRange(response.Referrals.Select(r => r.Id));
            token = response.NextPageToken;
            if (token.Length == 0) break;
        }

        Assert.Equal(ReferralState.Received, first.State);
        Assert.Equal(ids.Skip(1).Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var outbox = await sender.ListReferralsAsync(new ListReferralsRequest { Box = Box.Outbox, ServiceId = JobcenterService });
        Assert.Equal(Jobcenter, Assert.Single(outbox.Referrals).ReceiverOrganizationId);
    }
}
