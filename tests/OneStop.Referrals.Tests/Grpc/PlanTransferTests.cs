using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OneStop.Referrals.Tests.TestSupport;
using OneStop.Referrals.V1;
using static OneStop.Referrals.Tests.TestSupport.Scenario;
using Date = OneStop.Directory.V1.Date;

namespace OneStop.Referrals.Tests.Grpc;

/// <summary>One plan per client: responsibility moves from the Agentur für Arbeit to the Jobcenter once asylum is granted.</summary>
public sealed class PlanTransferTests
{
    [Fact]
    public async Task The_plan_moves_to_the_jobcenter_intact_and_the_jobcenter_sees_only_consented_goals()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        var aa = host.Plans(AaCounsellor);
        await aa.AddGoalAsync(new AddGoalRequest { ClientId = Client, Title = "Deutsch B1", Category = DataCategory.Languages, DueDate = new Date { Year = 2026, Month = 12, Day = 1 } });
        var plan = await aa.AddGoalAsync(new AddGoalRequest { ClientId = Client, Title = "Reha klären", Category = DataCategory.Health });
        var language = plan.Goals.Single(g => g.Category == DataCategory.Languages);
        plan = await aa.AddStepAsync(new AddStepRequest { ClientId = Client, GoalId = language.Id, Title = "Integrationskurs anmelden" });
        var step = plan.Goals.Single(g => g.Id == language.Id).Steps.Single();
        plan = await aa.UpdateStepAsync(new UpdateStepRequest { ClientId = Client, StepId = step.Id, ExpectedVersion = step.Version, Status = PlanItemStatus.InProgress });
        // The client agrees that the Jobcenter may see the language goal, not the health one.
        var consent = await host.Consents(AaCounsellor).RecordConsentAsync(new RecordConsentRequest
        {
            ClientId = Client, Purpose = ConsentPurpose.IntegrationPlan, RecipientOrganizationIds = { Jobcenter }, Categories = { DataCategory.Languages },
            ValidUntil = Timestamp.FromDateTimeOffset(Now.AddYears(1)), Method = ConsentMethod.SignedForm,
        });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => host.Plans(JcCounsellor).TransferResponsibilityAsync(new TransferResponsibilityRequest
        {
            ClientId = Client, ToOrganizationId = Jobcenter, ExpectedVersion = plan.Version,
        }).ResponseAsync);

        var moved = await aa.TransferResponsibilityAsync(new TransferResponsibilityRequest
        {
            ClientId = Client, ToOrganizationId = Jobcenter, ExpectedVersion = plan.Version, Reason = "Asyl anerkannt: SGB II",
        });
        var jobcenterView = await host.Plans(JcCounsellor).GetPlanAsync(new GetPlanRequest { ClientId = Client });
        var agenturView = await aa.GetPlanAsync(new GetPlanRequest { ClientId = Client });

        Assert.Equal((plan.Id, Jobcenter, plan.Version + 1), (moved.Id, moved.ResponsibleOrganizationId, moved.Version));
        var seen = Assert.Single(jobcenterView.Goals);
        Assert.Equal(("Deutsch B1", Agentur), (seen.Title, seen.OwnerOrganizationId));
        Assert.Equal(("Integrationskurs anmelden", PlanItemStatus.InProgress), (seen.Steps.Single().Title, seen.Steps.Single().Status));
        Assert.Equal(1, jobcenterView.WithheldGoals);
        // Nothing was lost: the Agentur, owner of both goals, still sees both.
        Assert.Equal(2, agenturView.Goals.Count);
        Assert.Equal(0, agenturView.WithheldGoals);
        // The new responsible organization carries on with the plan: its own goal, then a step on the shared goal.
        var continued = await host.Plans(JcCounsellor).AddStepAsync(new AddStepRequest { ClientId = Client, GoalId = seen.Id, Title = "Sprachkurs C1 beantragen" });
        Assert.Equal(2, continued.Goals.Single().Steps.Count);
        var read = (await host.Consents(AaCounsellor).ListAuditEntriesAsync(new ListAuditEntriesRequest { ClientId = Client, OrganizationId = Jobcenter })).Entries;
        Assert.NotEmpty(read);
        Assert.All(read, e => Assert.Equal((consent.Id, $"plan/{plan.Id}", AuditDecision.Allowed), (e.ConsentId, e.Resource, e.Decision)));
        Assert.All(read, e => Assert.Equal([DataCategory.Languages], e.Categories));
    }

    [Fact]
    public async Task A_plan_of_another_region_does_not_exist_and_a_stale_step_update_is_aborted()
    {
        await using var host = await ReferralsTestHost.StartAsync(new ManualClock(Now));
        var plan = await host.Plans(AaCounsellor).AddGoalAsync(new AddGoalRequest { ClientId = Client, Title = "Arbeit finden", Category = DataCategory.Employment });
        plan = await host.Plans(AaCounsellor).AddStepAsync(new AddStepRequest { ClientId = Client, GoalId = plan.Goals[0].Id, Title = "Profiling" });
        var step = plan.Goals[0].Steps[0];
        await host.Plans(AaCounsellor).UpdateStepAsync(new UpdateStepRequest { ClientId = Client, StepId = step.Id, ExpectedVersion = step.Version, Status = PlanItemStatus.Done });

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => host.Plans(AaCounsellor).UpdateStepAsync(new UpdateStepRequest
        {
            ClientId = Client, StepId = step.Id, ExpectedVersion = step.Version, Title = "Profiling (neu)",
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => host.Plans(AgenturOtherRegion).GetPlanAsync(new GetPlanRequest { ClientId = Client }).ResponseAsync);
        // Another organization without a consent sees the plan exists but none of its goals.
        var mbeView = await host.Plans(MbeCounsellor).GetPlanAsync(new GetPlanRequest { ClientId = Client });
        Assert.Empty(mbeView.Goals);
        Assert.Equal(1, mbeView.WithheldGoals);
    }
}
