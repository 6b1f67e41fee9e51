using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;

namespace OneStop.Referrals.Tests.Grpc;

/// <summary>
/// Due times in working days of the Land. The referral is sent on Wednesday 2026-06-03 with urgency URGENT (3
/// working days); Thursday 2026-06-04 is Fronleichnam, a public holiday in NRW, so the three days are Friday,
/// Monday and Tuesday: due at the end of Tuesday 2026-06-09 (22:00 UTC), not of Monday. Expiry is 2 more working
/// days (the test host's setting): the end of Thursday 2026-06-11.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly DateTimeOffset EndOfMonday = new(2026, 6, 8, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndOfTuesday = new(2026, 6, 9, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndOfThursday = new(2026, 6, 11, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_unanswered_referral_over_an_NRW_holiday_becomes_overdue_on_the_watch_stream_and_then_fails_with_no_answer()
    {
        var clock = new ManualClock(Now);
        await using var host = await ReferralsTestHost.StartAsync(clock);
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());
        Assert.Equal(EndOfTuesday, sent.DueAt.ToDateTimeOffset());
        Assert.Equal(EndOfThursday, sent.ExpiresAt.ToDateTimeOffset());

        using var watchCancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var watch = host.Referrals(AaCounsellor).WatchReferrals(new WatchReferralsRequest { FromVersion = 0 }, cancellationToken: watchCancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(watchCancel.Token));
        Assert.Equal(ReferralEventKind.Created, watch.ResponseStream.Current.Event.Kind);

        // Without the holiday it would be overdue here.
        clock.Now = EndOfMonday.AddHours(1);
        Assert.Equal(0, await host.TickDeadlinesAsync());
        Assert.Empty((await host.Referrals(RegionAdmin).ListOverdueAsync(new ListOverdueRequest())).Referrals);

        clock.Now = EndOfTuesday;
        Assert.Equal(1, await host.TickDeadlinesAsync());
        Assert.Equal(0, await host.TickDeadlinesAsync()); // escalated once, not on every tick
        Assert.True(await watch.ResponseStream.MoveNext(watchCancel.Token));
        var escalated = watch.ResponseStream.Current;
        Assert.Equal((ReferralEventKind.Escalated, ReferralRole.System, ReferralState.Requested), (escalated.Event.Kind, escalated.Event.ActorRole, escalated.Event.ToState));
        Assert.True(escalated.Referral.Overdue);
        var overdue = Assert.Single((await host.Referrals(RegionAdmin).ListOverdueAsync(new ListOverdueRequest())).Referrals);
        Assert.Equal(sent.Id, overdue.Id);
        Assert.Single((await host.Referrals(IpCounsellor).ListOverdueAsync(new ListOverdueRequest())).Referrals);
        Assert.Empty((await host.Referrals(MbeCounsellor).ListOverdueAsync(new ListOverdueRequest())).Referrals);

        clock.Now = EndOfThursday;
        Assert.Equal(1, await host.TickDeadlinesAsync());
        Assert.True(await watch.ResponseStream.MoveNext(watchCancel.Token));
        var expired = watch.ResponseStream.Current;
        Assert.Equal((ReferralState.Requested, ReferralState.Failed, ReferralOutcome.NoAnswer),
            (expired.Event.FromState, expired.Event.ToState, expired.Event.Outcome));
        var failed = await host.Referrals(IpCounsellor).GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id });
        Assert.Equal((ReferralState.Failed, ReferralOutcome.NoAnswer, false), (failed.State, failed.Outcome, failed.Overdue));
        Assert.Empty((await host.Referrals(RegionAdmin).ListOverdueAsync(new ListOverdueRequest())).Referrals);
    }

    [Fact]
    public async Task An_answer_in_time_stops_the_clock()
    {
        var clock = new ManualClock(Now);
        await using var host = await ReferralsTestHost.StartAsync(clock);
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());
        await host.Referrals(AaCounsellor).AcceptReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version });

        clock.Now = EndOfThursday.AddDays(30);
        Assert.Equal(0, await host.TickDeadlinesAsync());
        var accepted = await host.Referrals(IpCounsellor).GetReferralAsync(new GetReferralRequest { ReferralId = sent.Id });
        Assert.Equal((ReferralState.Accepted, false), (accepted.State, accepted.Overdue));
    }

    [Fact]
    public async Task A_watch_resumes_after_the_last_version_it_saw()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        await host.Consents(IpFrontdesk).RecordConsentAsync(ReferralConsent(Client, Agentur));
        var sent = await host.Referrals(IpCounsellor).CreateReferralAsync(ToAgentur());
        await host.Referrals(AaCounsellor).ReceiveReferralAsync(new TransitionRequest { ReferralId = sent.Id, ExpectedVersion = sent.Version });
        var history = (await host.Referrals(IpCounsellor).GetReferralHistoryAsync(new GetReferralRequest { ReferralId = sent.Id })).Events;

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var watch = host.Referrals(IpCounsellor).WatchReferrals(new WatchReferralsRequest { FromVersion = history[0].Sequence }, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));

        Assert.Equal(history[1].Sequence, watch.ResponseStream.Current.Version);
        Assert.Equal(ReferralState.Received, watch.ResponseStream.Current.Event.ToState);
        Assert.True(watch.ResponseStream.Current.Referral.ContentWithheld);
    }
}
