using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OneStop.ServiceDefaults.Identity;
using OneStop.Skills.CodeLists;
using OneStop.Skills.Data;
using OneStop.Skills.Domain;
using OneStop.Skills.V1;

namespace OneStop.Skills.Application;

/// <summary>
/// The change commands. Each is one transaction under the feed's write gate: load the profile, check the caller owns
/// it and the version, apply the change, derive (blocked occupations, underemployment, course), write the profile,
/// its matchable occupations and a version row, commit, then publish the change.
/// </summary>
public sealed class ProfileCommands(SkillsDbContext db, ProfileFeed feed, OccupationCatalog catalog, TimeProvider clock)
{
    public Task<Profile> CreateAsync(CallerIdentity caller, CreateProfileRequest request, CancellationToken ct) =>
        RunAsync(caller, request.ClientId, 0, "CreateProfile", create: true, profile =>
        {
            profile.Area = request.Area;
            profile.CourseFacts = request.CourseFacts ?? new CourseFacts();
            profile.SoftSkillCodes.AddRange(request.SoftSkillCodes);
        }, ct);

    public Task<Profile> AddQualificationAsync(CallerIdentity caller, AddQualificationRequest request, CancellationToken ct) =>
        RunAsync(caller, request.ClientId, request.ExpectedVersion, "AddQualification", create: false, profile =>
        {
            var q = request.Qualification.Clone();
            q.Id = Guid.NewGuid().ToString("N");
            q.Recognition ??= new Recognition { State = RecognitionState.NotStarted };
            if (q.Recognition.State == RecognitionState.Unspecified) q.Recognition.State = RecognitionState.NotStarted;
            if (catalog.Find(q.KldbCode)?.Regulated == true) q.Recognition.Regulated = true;
            ApplyCompensationTask(q.Recognition);
            profile.Qualifications.Add(q);
        }, ct);

    public Task<Profile> UpdateRecognitionAsync(CallerIdentity caller, UpdateRecognitionRequest request, CancellationToken ct) =>
        RunAsync(caller, request.ClientId, request.ExpectedVersion, "UpdateRecognition", create: false, profile =>
        {
            var q = profile.Qualifications.FirstOrDefault(x => x.Id == request.QualificationId)
                ?? throw DomainException.InvalidArgument("qualification_id", $"no qualification \"{request.QualificationId}\" in this profile");
            var previous = q.Recognition ?? new Recognition();
            var next = request.Recognition.Clone();
            // The task id survives updates: the compensation measure is one task from naming to done.
            next.CompensationTaskId = previous.CompensationTaskId;
            if (next.CompensationTaskStatus == MeasureTaskStatus.Unspecified) next.CompensationTaskStatus = previous.CompensationTaskStatus;
            if (catalog.Find(q.KldbCode)?.Regulated == true) next.Regulated = true;
            ApplyCompensationTask(next);
            q.Recognition = next;
        }, ct);

    public Task<Profile> RecordSkillAsync(CallerIdentity caller, RecordSkillRequest request, CancellationToken ct) =>
        RunAsync(caller, request.ClientId, request.ExpectedVersion, "RecordSkill", create: false, profile =>
        {
            var skill = request.Skill.Clone();
            // One entry per occupation code: a later test or reference replaces the earlier evidence.
            var existing = profile.Skills.FirstOrDefault(s => s.Code == skill.Code);
            skill.Id = existing?.Id ?? Guid.NewGuid().ToString("N");
            if (existing is not null) profile.Skills.Remove(existing);
            profile.Skills.Add(skill);
        }, ct);

    public Task<Profile> RecordLanguageResultAsync(CallerIdentity caller, RecordLanguageResultRequest request, CancellationToken ct) =>
        RunAsync(caller, request.ClientId, request.ExpectedVersion, "RecordLanguageResult", create: false, profile =>
        {
            var existing = profile.Languages.FirstOrDefault(l => l.Language == request.Result.Language);
            if (existing is not null) profile.Languages.Remove(existing);
            profile.Languages.Add(request.Result.Clone());
        }, ct);

    public Task<Profile> AddWorkHistoryAsync(CallerIdentity caller, AddWorkHistoryRequest request, CancellationToken ct) =>
        RunAsync(caller, request.ClientId, request.ExpectedVersion, "AddWorkHistory", create: false, profile =>
        {
            var entry = request.Entry.Clone();
            entry.Id = Guid.NewGuid().ToString("N");
            profile.WorkHistory.Add(entry);
        }, ct);

    public Task<Profile> UpdateCourseFactsAsync(CallerIdentity caller, UpdateCourseFactsRequest request, CancellationToken ct) =>
        RunAsync(caller, request.ClientId, request.ExpectedVersion, "UpdateCourseFacts", create: false, profile =>
        {
            if (request.CourseFacts is not null) profile.CourseFacts = request.CourseFacts;
            if (request.SoftSkillCodes.Count > 0)
            {
                profile.SoftSkillCodes.Clear();
                profile.SoftSkillCodes.AddRange(request.SoftSkillCodes);
            }
            if (request.Area.Length > 0) profile.Area = request.Area;
        }, ct);

    /// <summary>Partial equivalence makes the named compensation measure an open task (once; its status then moves on).</summary>
    private static void ApplyCompensationTask(Recognition recognition)
    {
        if (recognition.State != RecognitionState.PartialEquivalence) return;
        if (recognition.CompensationTaskId.Length == 0) recognition.CompensationTaskId = Guid.NewGuid().ToString("N");
        if (recognition.CompensationTaskStatus == MeasureTaskStatus.Unspecified) recognition.CompensationTaskStatus = MeasureTaskStatus.Open;
    }

    private async Task<Profile> RunAsync(CallerIdentity caller, string clientId, long expectedVersion, string change, bool create,
        Action<Profile> apply, CancellationToken ct)
    {
        ProfileChange published;
        using (await feed.EnterWriteAsync(ct))
        {
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var record = await db.Profiles.Include(p => p.Occupations)
                    .SingleOrDefaultAsync(p => p.RegionAgs == caller.RegionAgs && p.ClientId == clientId, ct);
                Profile profile;
                if (create)
                {
                    if (record is not null) throw DomainException.AlreadyExists($"client \"{clientId}\" has a profile already; change it instead.");
                    profile = new Profile { ClientId = clientId, RegionAgs = caller.RegionAgs, OwnerOrganizationId = caller.OrganizationId };
                    record = new ProfileRecord { RegionAgs = caller.RegionAgs, ClientId = clientId, OwnerOrganizationId = caller.OrganizationId };
                    db.Profiles.Add(record);
                }
                else
                {
                    if (record is null) throw DomainException.NotFound("profile of client", clientId);
                    if (record.OwnerOrganizationId != caller.OrganizationId)
                        throw DomainException.PermissionDenied("Only the organization that owns the profile changes it.");
                    if (record.Version != expectedVersion) throw DomainException.Stale("The profile", expectedVersion, record.Version);
                    profile = ProfileDocuments.Read(record);
                }

                apply(profile);
                ProfileRules.Derive(profile, catalog);
                profile.Version = record.Version + 1;
                profile.UpdatedAt = Timestamp.FromDateTime(now);
                Store(record, profile, now);
                await db.SaveChangesAsync(ct);

                var version = new ProfileVersionRecord
                {
                    RegionAgs = record.RegionAgs, ClientId = clientId, OwnerOrganizationId = record.OwnerOrganizationId, Version = profile.Version,
                    Change = change, At = now, ActorSubject = caller.Subject, ActorOrganizationId = caller.OrganizationId, Document = record.Document,
                };
                db.ProfileVersions.Add(version);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                published = new ProfileChange { Version = version.Sequence, Change = change, Profile = profile };
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
            feed.Publish((caller.RegionAgs, published));
        }
        return published.Profile;
    }

    /// <summary>Writes the document and the search columns; the occupations are rebuilt from the profile.</summary>
    private void Store(ProfileRecord record, Profile profile, DateTime now)
    {
        record.Document = ProfileDocuments.ToJson(profile);
        record.Version = profile.Version;
        record.UpdatedAt = now;
        record.Area = profile.Area;
        var german = ProfileRules.German(profile);
        record.GermanListening = (int)(german?.Listening ?? Cefr.Unspecified);
        record.GermanReading = (int)(german?.Reading ?? Cefr.Unspecified);
        record.GermanSpeaking = (int)(german?.Speaking ?? Cefr.Unspecified);
        record.GermanWriting = (int)(german?.Writing ?? Cefr.Unspecified);
        foreach (var old in record.Occupations.ToList()) db.ProfileOccupations.Remove(old);
        record.Occupations.Clear();
        foreach (var (code, fact) in MatchFacts.Of(profile))
            record.Occupations.Add(new ProfileOccupationRecord { RegionAgs = record.RegionAgs, KldbCode = code, MayWork = ProfileRules.MayWorkIn(profile, code), Fact = fact });
    }
}
