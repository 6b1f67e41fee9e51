using System.Globalization;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>
/// Writes resources, schedules and appointment types. A region-admin may write anything in their region; anyone
/// else only records of their own organization. Etags are versions: an update must name the version it read.
/// </summary>
public sealed class CatalogCommands(AppointmentsDbContext db, CommandTransaction transaction, DirectoryIds directory,
    IOptions<AppointmentsOptions> options)
{
    public async Task<Resource> UpsertResourceAsync(Resource resource, CallerIdentity caller, CancellationToken ct)
    {
        var copy = resource.Clone();
        copy.RegionAgs = RegionOf(copy.RegionAgs, caller, "resource.region_ags");
        EnsureMayWrite(caller, copy.OrganizationId, $"resource '{copy.Id}'");
        if (options.Value.ValidateDirectoryIds)
        {
            await directory.RequireOrganizationAsync(copy.OrganizationId, "resource.organization_id", ct);
            await directory.RequireLocationAsync(copy.LocationId, "resource.location_id", ct);
            await directory.RequireResourceLanguagesAsync(copy, ct);
        }
        return await transaction.RunAsync(async () =>
        {
            var stored = await db.Resources.FindAsync([copy.Id], ct);
            if (stored is not null)
            {
                EnsureSameRegion(stored.RegionAgs, caller, copy.Id);
                EnsureMayWrite(caller, stored.OrganizationId, $"resource '{copy.Id}'");
            }
            var version = NextVersion(stored?.Version, resource.Etag, copy.Id);
            copy.Etag = version.ToString(CultureInfo.InvariantCulture);
            var record = stored ?? db.Resources.Add(new ResourceRecord()).Entity;
            record.Store(copy);
            record.Version = version;
            return copy;
        }, ct);
    }

    public async Task<ResourceSchedule> UpsertScheduleAsync(ResourceSchedule schedule, CallerIdentity caller, CancellationToken ct) =>
        await transaction.RunAsync(async () =>
        {
            var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == schedule.ResourceId && r.RegionAgs == caller.RegionAgs, ct)
                ?? throw DomainException.InvalidArgument("schedule.resource_id", $"resource '{schedule.ResourceId}' does not exist.");
            EnsureMayWrite(caller, resource.OrganizationId, $"the schedule of '{resource.Id}'");
            var stored = await db.Schedules.FindAsync([schedule.ResourceId], ct);
            var version = NextVersion(stored?.Version, schedule.Etag, schedule.ResourceId);
            var copy = schedule.Clone();
            copy.Etag = version.ToString(CultureInfo.InvariantCulture);
            var record = stored ?? db.Schedules.Add(new ScheduleRecord { ResourceId = schedule.ResourceId }).Entity;
            record.RegionAgs = resource.RegionAgs;
            record.Version = version;
            record.Payload = copy.ToByteArray();
            return copy;
        }, ct);

    public async Task<AppointmentType> UpsertAppointmentTypeAsync(AppointmentType type, CallerIdentity caller, CancellationToken ct)
    {
        var copy = type.Clone();
        copy.RegionAgs = RegionOf(copy.RegionAgs, caller, "appointment_type.region_ags");
        var organizations = copy.Participants.Where(p => p.WhoCase == ParticipantRequirement.WhoOneofCase.Pool)
            .Select(p => p.Pool.OrganizationId).Distinct().ToList();
        foreach (var organization in organizations) EnsureMayWrite(caller, organization, $"appointment type '{copy.Id}'");
        if (options.Value.ValidateDirectoryIds)
        {
            for (var i = 0; i < copy.Participants.Count; i++)
            {
                if (copy.Participants[i].Pool is { } pool)
                    await directory.RequireOrganizationAsync(pool.OrganizationId, $"appointment_type.participants[{i}].pool.organization_id", ct);
            }
            if (copy.RoomNeeds is { LocationId.Length: > 0 } needs)
                await directory.RequireLocationAsync(needs.LocationId, "appointment_type.room_needs.location_id", ct);
            if (copy.InterpreterLanguage.Length > 0)
            {
                // Checked before the write transaction: the directory is never asked while the write lock is held.
                var interpreterServices = (await db.Resources.AsNoTracking()
                        .Where(r => r.RegionAgs == copy.RegionAgs && r.Kind == ResourceKind.Interpreter).ToListAsync(ct))
                    .Select(r => r.ToProto().ServiceId);
                await directory.RequireInterpreterLanguageAsync(copy.InterpreterLanguage, interpreterServices,
                    "appointment_type.interpreter_language", ct);
            }
        }
        return await transaction.RunAsync(async () =>
        {
            for (var i = 0; i < copy.Participants.Count; i++)
            {
                if (copy.Participants[i].WhoCase != ParticipantRequirement.WhoOneofCase.ResourceId) continue;
                var id = copy.Participants[i].ResourceId;
                var fixedResource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.RegionAgs == copy.RegionAgs, ct)
                    ?? throw DomainException.InvalidArgument($"appointment_type.participants[{i}].resource_id", $"resource '{id}' does not exist.");
                EnsureMayWrite(caller, fixedResource.OrganizationId, $"appointment type '{copy.Id}'");
            }
            var stored = await db.AppointmentTypes.FindAsync([copy.Id], ct);
            if (stored is not null) EnsureSameRegion(stored.RegionAgs, caller, copy.Id);
            var version = NextVersion(stored?.Version, type.Etag, copy.Id);
            copy.Etag = version.ToString(CultureInfo.InvariantCulture);
            var record = stored ?? db.AppointmentTypes.Add(new AppointmentTypeRecord { Id = copy.Id }).Entity;
            record.RegionAgs = copy.RegionAgs;
            record.Version = version;
            record.Payload = copy.ToByteArray();
            return copy;
        }, ct);
    }

    /// <summary>Creation needs an empty etag, an update the stored version: two editors cannot overwrite each other.</summary>
    private static long NextVersion(long? stored, string etag, string id)
    {
        if (stored is null)
        {
            if (etag.Length > 0) throw new WriteConflictException($"'{id}' does not exist (any more); create it with an empty etag.");
            return 1;
        }
        if (etag != stored.Value.ToString(CultureInfo.InvariantCulture))
            throw new WriteConflictException(etag.Length == 0 ? $"'{id}' already exists; send its etag to update it." : $"'{id}' was changed since etag {etag}; read it again.");
        return stored.Value + 1;
    }

    private static string RegionOf(string requested, CallerIdentity caller, string field)
    {
        if (requested.Length > 0 && requested != caller.RegionAgs)
            throw new DomainException(DomainErrorCode.PermissionDenied, $"{field}: records can only be written in the caller's region {caller.RegionAgs}.");
        return caller.RegionAgs;
    }

    private static void EnsureSameRegion(string stored, CallerIdentity caller, string id)
    {
        // Another region's record is invisible, not forbidden: its id must not leak across regions.
        if (stored != caller.RegionAgs) throw new DomainException(DomainErrorCode.PermissionDenied, $"'{id}' belongs to another region.");
    }

    private static void EnsureMayWrite(CallerIdentity caller, string organizationId, string what)
    {
        if (caller.IsInRole(OneStopRoles.RegionAdmin)) return;
        if (caller.OrganizationId.Length == 0 || caller.OrganizationId != organizationId)
            throw new DomainException(DomainErrorCode.PermissionDenied, $"Only {organizationId} or a region-admin may write {what}.");
    }
}
