using Grpc.Core;
using OneStop.Referrals.Domain.Intake;
using OneStop.Referrals.Domain.Routing;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.ServiceDefaults.Time;
using OneStop.Referrals.Application;

namespace OneStop.Referrals.Grpc;

/// <summary>
/// Routing suggestions and the family intake checklist: authorize, validate, read the directory's candidates,
/// apply the rules (<see cref="ReceiverRouter"/>, <see cref="FamilyIntakePlanner"/>), map. Only SubmitFamilyIntake
/// stores: through the referral commands, in one transaction.
/// </summary>
public sealed class ReferralRoutingService(DirectoryCandidates directory, TimeProvider clock, ReferralCommands commands)
    : ReferralRouting.ReferralRoutingBase
{
    public override async Task<SuggestReceiversResponse> SuggestReceivers(SuggestReceiversRequest request, ServerCallContext context)
    {
        var caller = RoutingCallers.Require(context);
        var (client, need) = RoutingRequestValidator.Validate(request, caller.RegionAgs, BerlinTime.Today(clock));
        var candidates = await directory.InAsync(client.MunicipalityAgs, request.ResponseLanguage, context.CancellationToken);
        return RoutingMapping.ToResponse(ReceiverRouter.Suggest(client, need, candidates));
    }

    public override Task<PlanFamilyIntakeResponse> PlanFamilyIntake(PlanFamilyIntakeRequest request, ServerCallContext context) =>
        PlanAsync(RoutingCallers.Require(context), request, context);

    public override async Task<SubmitFamilyIntakeResponse> SubmitFamilyIntake(SubmitFamilyIntakeRequest request, ServerCallContext context)
    {
        RoutingCallers.Require(context);
        var caller = Callers.RequireStaff(context);
        var plan = await PlanAsync(caller, new PlanFamilyIntakeRequest
        {
            Household = request.Household,
            Items = { request.Items },
            ResponseLanguage = request.ResponseLanguage,
        }, context);
        var submission = FamilyIntakeSubmission.Build(request, plan, caller.OrganizationId, clock.GetUtcNow().UtcDateTime);
        var referrals = await commands.CreateIntakeAsync(caller, submission.Consents, submission.Referrals, context.CancellationToken);
        var response = new SubmitFamilyIntakeResponse { HouseholdRef = plan.HouseholdRef };
        response.Referrals.Add(referrals);
        response.Unrouted.Add(submission.Unrouted);
        return response;
    }

    private async Task<PlanFamilyIntakeResponse> PlanAsync(CallerIdentity caller, PlanFamilyIntakeRequest request, ServerCallContext context)
    {
        var (members, items) = RoutingRequestValidator.Validate(request, caller.RegionAgs, BerlinTime.Today(clock));
        // One directory read per municipality in the household (usually one), before the planner runs.
        var candidates = new Dictionary<string, IReadOnlyList<CandidateService>>(StringComparer.Ordinal);
        foreach (var municipality in members.Select(m => m.Facts.MunicipalityAgs).Distinct())
            candidates[municipality] = await directory.InAsync(municipality, request.ResponseLanguage, context.CancellationToken);

        var plans = FamilyIntakePlanner.Plan([.. members.Select(m => new HouseholdMember(m.Facts, m.Role))], items, m => candidates[m]);
        var response = new PlanFamilyIntakeResponse { HouseholdRef = request.Household.HouseholdRef };
        response.Needs.Add(plans.Select(RoutingMapping.ToProto));
        return response;
    }
}
