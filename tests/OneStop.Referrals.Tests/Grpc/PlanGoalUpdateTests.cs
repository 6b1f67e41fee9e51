using Grpc.Core;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;
using Date = OneStop.Directory.V1.Date;

namespace OneStop.Referrals.Tests.Grpc;

/// <summary>UpdateGoal: the owner changes status, title and due date under the plan's version; others may not.</summary>
public sealed class PlanGoalUpdateTests
{
    [Fact]
    public async Task The_owner_updates_a_goal_a_stale_version_is_aborted_and_another_organization_is_denied()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        var aa = host.Plans(AaCounsellor);
        var plan = await aa.AddGoalAsync(new AddGoalRequest { ClientId = Client, Title = "Deutsch B1", Category = DataCategory.Languages });
        var goal = plan.Goals.Single();

        var updated = await aa.UpdateGoalAsync(new UpdateGoalRequest
        {
            ClientId = Client, GoalId = goal.Id, ExpectedVersion = plan.Version, Status = PlanItemStatus.InProgress,
            Title = "Deutsch B2", DueDate = new Date { Year = 2027, Month = 3, Day = 31 },
        });

        var changed = updated.Goals.Single();
        Assert.Equal((PlanItemStatus.InProgress, "Deutsch B2", DataCategory.Languages), (changed.Status, changed.Title, changed.Category));
        Assert.Equal(new Date { Year = 2027, Month = 3, Day = 31 }, changed.DueDate);
        Assert.Equal(plan.Version + 1, updated.Version);

        // Only status given: the title and due date stay.
        var statusOnly = await aa.UpdateGoalAsync(new UpdateGoalRequest { ClientId = Client, GoalId = goal.Id, ExpectedVersion = updated.Version, Status = PlanItemStatus.Done });
        Assert.Equal((PlanItemStatus.Done, "Deutsch B2"), (statusOnly.Goals.Single().Status, statusOnly.Goals.Single().Title));

        var before = await host.RowCountsAsync();
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => aa.UpdateGoalAsync(new UpdateGoalRequest
        {
            ClientId = Client, GoalId = goal.Id, ExpectedVersion = updated.Version, Title = "stale",
        }).ResponseAsync);
        await RpcAssert.InvalidAsync("expected_version", () => aa.UpdateGoalAsync(new UpdateGoalRequest { ClientId = Client, GoalId = goal.Id }).ResponseAsync);
        await RpcAssert.InvalidAsync("goal_id", () => aa.UpdateGoalAsync(new UpdateGoalRequest { ClientId = Client, ExpectedVersion = 1 }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => aa.UpdateGoalAsync(new UpdateGoalRequest
        {
            ClientId = Client, GoalId = "no-such-goal", ExpectedVersion = statusOnly.Version, Title = "x",
        }).ResponseAsync);
        var unchanged = await aa.GetPlanAsync(new GetPlanRequest { ClientId = Client });
        Assert.Equal((statusOnly.Version, "Deutsch B2"), (unchanged.Version, unchanged.Goals.Single().Title));
        Assert.Equal(before, await host.RowCountsAsync());
    }

    [Fact]
    public async Task A_counsellor_of_another_organization_cannot_update_the_goal()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        var plan = await host.Plans(AaCounsellor).AddGoalAsync(new AddGoalRequest { ClientId = Client, Title = "Deutsch B1", Category = DataCategory.Languages });
        var goal = plan.Goals.Single();

        // The Jobcenter sees no goal without a consent: NOT_FOUND, not a hint that it exists.
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Plans(JcCounsellor).UpdateGoalAsync(new UpdateGoalRequest
        {
            ClientId = Client, GoalId = goal.Id, ExpectedVersion = plan.Version, Title = "taken over",
        }).ResponseAsync);
        // The Jobcenter's own goal on the same plan, shared with the Agentur under a consent: the Agentur sees it but does
        // not own it.
        plan = await host.Plans(JcCounsellor).AddGoalAsync(new AddGoalRequest { ClientId = Client, Title = "Bürgergeld", Category = DataCategory.Benefits });
        await host.Consents(JcCounsellor).RecordConsentAsync(new RecordConsentRequest
        {
            ClientId = Client, Purpose = ConsentPurpose.IntegrationPlan, RecipientOrganizationIds = { Agentur }, Categories = { DataCategory.Benefits },
            ValidUntil = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Now.AddYears(1)), Method = ConsentMethod.SignedForm,
        });
        var jobcenterGoal = plan.Goals.Single(g => g.Title == "Bürgergeld");
        var seen = await host.Plans(AaCounsellor).GetPlanAsync(new GetPlanRequest { ClientId = Client });
        Assert.Contains(seen.Goals, g => g.Id == jobcenterGoal.Id);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.Plans(AaCounsellor).UpdateGoalAsync(new UpdateGoalRequest
        {
            ClientId = Client, GoalId = jobcenterGoal.Id, ExpectedVersion = seen.Version, Status = PlanItemStatus.Dropped,
        }).ResponseAsync);
        var after = await host.Plans(AaCounsellor).GetPlanAsync(new GetPlanRequest { ClientId = Client });
        Assert.Equal("Deutsch B1", after.Goals.Single(g => g.Id == goal.Id).Title);
        Assert.Equal(PlanItemStatus.Open, after.Goals.Single(g => g.Id == jobcenterGoal.Id).Status);
    }
}
