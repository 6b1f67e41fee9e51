using Grpc.Core;
using OneStop.Referrals.Application;
using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;
using DirectoryDate = OneStop.Directory.V1.Date;

namespace OneStop.Referrals.Grpc;

/// <summary>The integration plan over gRPC: thin, as the other services.</summary>
public sealed class PlanGrpcService(PlanCommands plans) : PlanService.PlanServiceBase
{
    public override Task<IntegrationPlan> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaffOrAdmin(context);
        RequestValidator.Id("client_id", request.ClientId);
        return plans.GetAsync(caller, request.ClientId, context.CancellationToken);
    }

    public override Task<IntegrationPlan> AddGoal(AddGoalRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        RequestValidator.Id("client_id", request.ClientId);
        RequestValidator.Text("title", request.Title, required: true);
        if (request.Category == DataCategory.Unspecified || !Enum.IsDefined(request.Category)) throw DomainException.InvalidArgument("category", "is required");
        Date("due_date", request.DueDate);
        return plans.AddGoalAsync(caller, request, context.CancellationToken);
    }

    public override Task<IntegrationPlan> AddStep(AddStepRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        RequestValidator.Id("client_id", request.ClientId);
        RequestValidator.Id("goal_id", request.GoalId);
        RequestValidator.Text("title", request.Title, required: true);
        if (request.OwnerOrganizationId.Length > 0) RequestValidator.Id("owner_organization_id", request.OwnerOrganizationId);
        Date("due_date", request.DueDate);
        return plans.AddStepAsync(caller, request, context.CancellationToken);
    }

    public override Task<IntegrationPlan> UpdateGoal(UpdateGoalRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        RequestValidator.Id("client_id", request.ClientId);
        RequestValidator.Id("goal_id", request.GoalId);
        if (request.ExpectedVersion <= 0) throw DomainException.InvalidArgument("expected_version", "is required (the plan version you last read)");
        if (!Enum.IsDefined(request.Status)) throw DomainException.InvalidArgument("status", "is not a known value");
        RequestValidator.Text("title", request.Title, required: false);
        Date("due_date", request.DueDate);
        return plans.UpdateGoalAsync(caller, request, context.CancellationToken);
    }

    public override Task<IntegrationPlan> UpdateStep(UpdateStepRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        RequestValidator.Id("client_id", request.ClientId);
        RequestValidator.Id("step_id", request.StepId);
        if (request.ExpectedVersion <= 0) throw DomainException.InvalidArgument("expected_version", "is required (the version you last read)");
        if (!Enum.IsDefined(request.Status)) throw DomainException.InvalidArgument("status", "is not a known value");
        RequestValidator.Text("title", request.Title, required: false);
        Date("due_date", request.DueDate);
        return plans.UpdateStepAsync(caller, request, context.CancellationToken);
    }

    public override Task<IntegrationPlan> TransferResponsibility(TransferResponsibilityRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaffOrAdmin(context);
        RequestValidator.Id("client_id", request.ClientId);
        RequestValidator.Id("to_organization_id", request.ToOrganizationId);
        if (request.ExpectedVersion <= 0) throw DomainException.InvalidArgument("expected_version", "is required (the version you last read)");
        RequestValidator.Text("reason", request.Reason, required: false);
        return plans.TransferAsync(caller, request, context.CancellationToken);
    }

    private static void Date(string field, DirectoryDate? date)
    {
        if (date is null) return;
        if (date.Year is < 2000 or > 2200 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
            throw DomainException.InvalidArgument(field, "is not a valid date");
    }
}
