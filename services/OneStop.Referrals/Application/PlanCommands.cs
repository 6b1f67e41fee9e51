using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain;
using OneStop.Referrals.Domain.Consent;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;
using DirectoryDate = OneStop.Directory.V1.Date;

namespace OneStop.Referrals.Application;

/// <summary>
/// The client's one integration plan. Every call answers with the plan as the caller's organization may see it:
/// goals it owns, and goals whose category a consent (purpose INTEGRATION_PLAN) releases to it. Seeing another
/// organization's goals is an audited read, staged in the same transaction. Responsibility moves without copying
/// or deleting anything, so only what a consent covers reaches the new organization.
/// </summary>
public sealed class PlanCommands(ReferralsDbContext db, CommandTransaction transaction, ConsentLedger consents, AuditLog audit)
{
    public Task<IntegrationPlan> GetAsync(CallerIdentity caller, string clientId, CancellationToken ct) =>
        transaction.RunAsync(async () => await ViewAsync(caller, await LoadAsync(caller, clientId, ct), ct), ct);

    public Task<IntegrationPlan> AddGoalAsync(CallerIdentity caller, AddGoalRequest request, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.RegionAgs == caller.RegionAgs && p.ClientId == request.ClientId, ct);
            if (plan is null)
            {
                plan = new PlanRecord
                {
                    Id = Guid.NewGuid().ToString("N"),
                    RegionAgs = caller.RegionAgs,
                    ClientId = request.ClientId,
                    ResponsibleOrganizationId = caller.OrganizationId,
                    CreatedAt = transaction.Now,
                    Version = 0,
                };
                db.Plans.Add(plan);
            }
            db.Goals.Add(new GoalRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                PlanId = plan.Id,
                Title = request.Title,
                Category = (int)request.Category,
                OwnerOrganizationId = caller.OrganizationId,
                Status = (int)PlanItemStatus.Open,
                DueDate = ToDate(request.DueDate),
                CreatedAt = transaction.Now,
            });
            Touch(plan);
            await db.SaveChangesAsync(ct);
            return await ViewAsync(caller, plan, ct);
        }, ct);

    public Task<IntegrationPlan> AddStepAsync(CallerIdentity caller, AddStepRequest request, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var plan = await LoadAsync(caller, request.ClientId, ct);
            var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == request.GoalId && g.PlanId == plan.Id, ct);
            if (goal is null || !await SeesAsync(caller, plan, goal, ct)) throw DomainException.NotFound("goal", request.GoalId);
            if (caller.OrganizationId != goal.OwnerOrganizationId && caller.OrganizationId != plan.ResponsibleOrganizationId)
                throw DomainException.PermissionDenied("Only the goal's owner or the plan's responsible organization adds steps to it.");
            db.Steps.Add(new StepRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                GoalId = goal.Id,
                PlanId = plan.Id,
                Title = request.Title,
                OwnerOrganizationId = request.OwnerOrganizationId.Length > 0 ? request.OwnerOrganizationId : caller.OrganizationId,
                Status = (int)PlanItemStatus.Open,
                DueDate = ToDate(request.DueDate),
                CreatedAt = transaction.Now,
                Version = 1,
            });
            Touch(plan);
            await db.SaveChangesAsync(ct);
            return await ViewAsync(caller, plan, ct);
        }, ct);

    /// <summary>
    /// Goals have no version of their own, so the plan's version guards the update: ABORTED when another change to
    /// the plan came first.
    /// </summary>
    public Task<IntegrationPlan> UpdateGoalAsync(CallerIdentity caller, UpdateGoalRequest request, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var plan = await LoadAsync(caller, request.ClientId, ct);
            var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == request.GoalId && g.PlanId == plan.Id, ct);
            if (goal is null || !await SeesAsync(caller, plan, goal, ct)) throw DomainException.NotFound("goal", request.GoalId);
            if (goal.OwnerOrganizationId != caller.OrganizationId) throw DomainException.PermissionDenied("Only the goal's owner organization updates it.");
            if (plan.Version != request.ExpectedVersion) throw DomainException.Stale("The plan", request.ExpectedVersion, plan.Version);
            if (request.Status != PlanItemStatus.Unspecified) goal.Status = (int)request.Status;
            if (request.Title.Length > 0) goal.Title = request.Title;
            if (request.DueDate is not null) goal.DueDate = ToDate(request.DueDate);
            Touch(plan);
            await db.SaveChangesAsync(ct);
            return await ViewAsync(caller, plan, ct);
        }, ct);

    public Task<IntegrationPlan> UpdateStepAsync(CallerIdentity caller, UpdateStepRequest request, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var plan = await LoadAsync(caller, request.ClientId, ct);
            var step = await db.Steps.SingleOrDefaultAsync(s => s.Id == request.StepId && s.PlanId == plan.Id, ct);
            var goal = step is null ? null : await db.Goals.SingleAsync(g => g.Id == step.GoalId, ct);
            if (step is null || goal is null || !await SeesAsync(caller, plan, goal, ct)) throw DomainException.NotFound("step", request.StepId);
            if (step.OwnerOrganizationId != caller.OrganizationId) throw DomainException.PermissionDenied("Only the step's owner organization updates it.");
            if (step.Version != request.ExpectedVersion) throw DomainException.Stale("The step", request.ExpectedVersion, step.Version);
            if (request.Status != PlanItemStatus.Unspecified) step.Status = (int)request.Status;
            if (request.Title.Length > 0) step.Title = request.Title;
            if (request.DueDate is not null) step.DueDate = ToDate(request.DueDate);
            step.Version++;
            Touch(plan);
            await db.SaveChangesAsync(ct);
            return await ViewAsync(caller, plan, ct);
        }, ct);

    public Task<IntegrationPlan> TransferAsync(CallerIdentity caller, TransferResponsibilityRequest request, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var plan = await LoadAsync(caller, request.ClientId, ct);
            if (plan.ResponsibleOrganizationId != caller.OrganizationId && !caller.IsInRole(OneStopRoles.RegionAdmin))
                throw DomainException.PermissionDenied("Only the responsible organization (or a region admin) hands the plan on.");
            if (plan.Version != request.ExpectedVersion) throw DomainException.Stale("The plan", request.ExpectedVersion, plan.Version);
            if (request.ToOrganizationId == plan.ResponsibleOrganizationId)
                throw DomainException.InvalidArgument("to_organization_id", "is already the responsible organization");
            plan.ResponsibleOrganizationId = request.ToOrganizationId;
            Touch(plan);
            await db.SaveChangesAsync(ct);
            return await ViewAsync(caller, plan, ct);
        }, ct);

    private async Task<PlanRecord> LoadAsync(CallerIdentity caller, string clientId, CancellationToken ct) =>
        await db.Plans.SingleOrDefaultAsync(p => p.RegionAgs == caller.RegionAgs && p.ClientId == clientId, ct)
        ?? throw DomainException.NotFound("integration plan of client", clientId);

    private void Touch(PlanRecord plan)
    {
        plan.UpdatedAt = transaction.Now;
        plan.Version++;
    }

    private async Task<bool> SeesAsync(CallerIdentity caller, PlanRecord plan, GoalRecord goal, CancellationToken ct) =>
        goal.OwnerOrganizationId == caller.OrganizationId
        || await consents.FindCoveringAsync(plan.RegionAgs, plan.ClientId, caller.OrganizationId, ConsentPurpose.IntegrationPlan,
            [(DataCategory)goal.Category], transaction.Now, ct) is not null;

    /// <summary>The plan for the caller's organization; reads of other organizations' goals are staged as audit entries, one per consent used.</summary>
    private async Task<IntegrationPlan> ViewAsync(CallerIdentity caller, PlanRecord plan, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).ToListAsync(ct);
        var steps = await db.Steps.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var stepIds = steps.Select(s => s.Id).ToList();
        var referralsByStep = (await db.Referrals.AsNoTracking()
                .Where(r => r.RegionAgs == plan.RegionAgs && stepIds.Contains(r.PlanStepId))
                .Select(r => new { r.PlanStepId, r.Id, r.CreatedAt }).ToListAsync(ct))
            .OrderBy(r => r.CreatedAt).ToLookup(r => r.PlanStepId, r => r.Id);
        var clientConsents = (await db.Consents.AsNoTracking()
                .Where(c => c.RegionAgs == plan.RegionAgs && c.ClientId == plan.ClientId && c.Purpose == (int)ConsentPurpose.IntegrationPlan && c.WithdrawnAt == null)
                .ToListAsync(ct))
            .Select(ConsentLedger.Terms).ToList();

        var view = new IntegrationPlan
        {
            Id = plan.Id,
            RegionAgs = plan.RegionAgs,
            ClientId = plan.ClientId,
            ResponsibleOrganizationId = plan.ResponsibleOrganizationId,
            CreatedAt = ReferralMapping.Stamp(plan.CreatedAt),
            UpdatedAt = ReferralMapping.Stamp(plan.UpdatedAt),
            Version = plan.Version,
        };
        var readUnder = new Dictionary<string, HashSet<DataCategory>>(StringComparer.Ordinal);
        foreach (var goal in goals)
        {
            var category = (DataCategory)goal.Category;
            if (goal.OwnerOrganizationId != caller.OrganizationId)
            {
                var consent = ConsentCoverage.Best(clientConsents, plan.ClientId, caller.OrganizationId, ConsentPurpose.IntegrationPlan, [category], transaction.Now);
                if (consent is null)
                {
                    view.WithheldGoals++;
                    continue;
                }
                if (!readUnder.TryGetValue(consent.Id, out var categories)) readUnder[consent.Id] = categories = [];
                categories.Add(category);
            }
            var protoGoal = new PlanGoal
            {
                Id = goal.Id,
                Title = goal.Title,
                Category = category,
                OwnerOrganizationId = goal.OwnerOrganizationId,
                Status = (PlanItemStatus)goal.Status,
                DueDate = FromDate(goal.DueDate),
            };
            foreach (var step in steps.Where(s => s.GoalId == goal.Id))
            {
                var protoStep = new PlanStep
                {
                    Id = step.Id,
                    GoalId = step.GoalId,
                    Title = step.Title,
                    OwnerOrganizationId = step.OwnerOrganizationId,
                    Status = (PlanItemStatus)step.Status,
                    DueDate = FromDate(step.DueDate),
                    Version = step.Version,
                };
                protoStep.ReferralIds.AddRange(referralsByStep[step.Id]);
                protoGoal.Steps.Add(protoStep);
            }
            view.Goals.Add(protoGoal);
        }
        foreach (var (consentId, categories) in readUnder)
        {
            audit.Stage(new AuditFacts(plan.RegionAgs, caller.Subject, caller.OrganizationId, plan.ClientId, $"plan/{plan.Id}",
                categories.Order(), ConsentPurpose.IntegrationPlan, consentId, AuditDecision.Allowed), transaction.Now);
        }
        return view;
    }

    private static DateOnly? ToDate(DirectoryDate? date) => date is null ? null : new DateOnly(date.Year, date.Month, date.Day);

    private static DirectoryDate? FromDate(DateOnly? date) => date is { } d ? new DirectoryDate { Year = d.Year, Month = d.Month, Day = d.Day } : null;
}
