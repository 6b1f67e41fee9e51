using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.ServiceDefaults.Identity;
using OneStop.Skills.Application;
using OneStop.Skills.CodeLists;
using OneStop.Skills.Data;
using OneStop.Skills.Domain;
using OneStop.Skills.Domain.Summary;
using OneStop.Skills.V1;

namespace OneStop.Skills.Grpc;

/// <summary>The skills contract over gRPC: who may call what, shape checks, then the application's commands and reads.</summary>
public sealed class SkillsGrpcService(ProfileCommands commands, ProfileReads reads, CandidateSearch candidates, RequestValidator validator,
    OccupationCatalog catalog, ProfileFeed feed, ConsentGate consent, SkillsDbContext db) : SkillsService.SkillsServiceBase
{
    public override Task<Profile> GetProfile(GetProfileRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        RequestValidator.ClientId(request.ClientId);
        return reads.GetAsync(caller, request.ClientId, context);
    }

    public override async Task<ProfileSummary> GetProfileSummary(GetProfileSummaryRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        RequestValidator.ClientId(request.ClientId);
        RequestValidator.Language(request.Language);
        var profile = await reads.GetAsync(caller, request.ClientId, context);
        return SummaryWriter.Write(profile, request.Language, catalog);
    }

    public override async Task<ListProfileVersionsResponse> ListProfileVersions(ListProfileVersionsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        RequestValidator.ClientId(request.ClientId);
        var response = new ListProfileVersionsResponse();
        response.Versions.AddRange(await reads.VersionsAsync(caller, request.ClientId, context.CancellationToken));
        return response;
    }

    public override Task<Profile> CreateProfile(CreateProfileRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        validator.Validate(request);
        return commands.CreateAsync(caller, request, context.CancellationToken);
    }

    public override Task<Profile> AddQualification(AddQualificationRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        validator.Validate(request);
        return commands.AddQualificationAsync(caller, request, context.CancellationToken);
    }

    public override Task<Profile> UpdateRecognition(UpdateRecognitionRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        RequestValidator.Validate(request);
        return commands.UpdateRecognitionAsync(caller, request, context.CancellationToken);
    }

    public override Task<Profile> RecordSkill(RecordSkillRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        validator.Validate(request);
        return commands.RecordSkillAsync(caller, request, context.CancellationToken);
    }

    public override Task<Profile> RecordLanguageResult(RecordLanguageResultRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        RequestValidator.Validate(request);
        return commands.RecordLanguageResultAsync(caller, request, context.CancellationToken);
    }

    public override Task<Profile> AddWorkHistory(AddWorkHistoryRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        validator.Validate(request);
        return commands.AddWorkHistoryAsync(caller, request, context.CancellationToken);
    }

    public override Task<Profile> UpdateCourseFacts(UpdateCourseFactsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireCounsellor(context);
        RequestValidator.Validate(request);
        return commands.UpdateCourseFactsAsync(caller, request, context.CancellationToken);
    }

    public override Task<FindCandidatesResponse> FindCandidates(FindCandidatesRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireMatcher(context);
        RequestValidator.Validate(request);
        return candidates.FindAsync(caller, request, context);
    }

    public override Task<ListOccupationsResponse> ListOccupations(ListOccupationsRequest request, ServerCallContext context)
    {
        Callers.Require(context);
        var response = new ListOccupationsResponse { Subset = true };
        response.Occupations.AddRange(catalog.All);
        return Task.FromResult(response);
    }

    /// <summary>
    /// Subscribes before replaying, so nothing committed in between is lost; live changes at or below the last
    /// replayed version are skipped. Another organization's profile is sent only when the ledger allows the read
    /// (each such change is one audited read).
    /// </summary>
    public override async Task WatchProfiles(WatchProfilesRequest request, IServerStreamWriter<ProfileChange> responseStream, ServerCallContext context)
    {
        var caller = Callers.RequireStaff(context);
        if (request.FromVersion < 0) throw DomainException.InvalidArgument("from_version", "must be 0 or more");
        using var subscription = feed.Subscribe();
        var last = request.FromVersion;
        const int Page = 500;
        while (true)
        {
            var rows = await db.ProfileVersions.AsNoTracking().Where(v => v.RegionAgs == caller.RegionAgs && v.Sequence > last)
                .OrderBy(v => v.Sequence).Take(Page).ToListAsync(context.CancellationToken);
            foreach (var row in rows)
            {
                var profile = ProfileDocuments.FromJson(row.Document);
                profile.Version = row.Version;
                await SendIfReadable(caller, new ProfileChange { Version = row.Sequence, Change = row.Change, Profile = profile }, responseStream, context);
                last = row.Sequence;
            }
            if (rows.Count < Page) break;
        }
        await foreach (var (region, change) in subscription.Reader.ReadAllAsync(context.CancellationToken))
        {
            if (region != caller.RegionAgs || change.Version <= last) continue;
            await SendIfReadable(caller, change, responseStream, context);
            last = change.Version;
        }
    }

    private async Task SendIfReadable(CallerIdentity caller, ProfileChange change, IServerStreamWriter<ProfileChange> stream, ServerCallContext context)
    {
        if (change.Profile.OwnerOrganizationId != caller.OrganizationId
            && !await consent.AllowsAsync(caller, change.Profile.ClientId, Referrals.V1.ConsentPurpose.SkillsProfile, ProfileReads.Resource(change.Profile.ClientId), context))
            return;
        await stream.WriteAsync(change, context.CancellationToken);
    }
}
