using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>
/// Reads of the catalogue (resources, schedules, appointment types), always within the caller's region. Each answer
/// is the stored message with its etag, so a client can read, change and upsert without guessing the version, and
/// resource ids are found here rather than in FindJointSlots results. Another region's record is NOT_FOUND, as if
/// it did not exist. Lists are ordered by id; the page token is the offset.
/// </summary>
public sealed class CatalogQueries(AppointmentsDbContext db)
{
    public async Task<AppointmentType> GetTypeAsync(string typeId, CallerIdentity caller, CancellationToken ct)
    {
        var record = await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.RegionAgs == caller.RegionAgs, ct)
            ?? throw new RecordNotFoundException($"appointment type '{typeId}' does not exist.");
        return record.ToProto();
    }

    public async Task<Resource> GetResourceAsync(string resourceId, CallerIdentity caller, CancellationToken ct)
    {
        var record = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resourceId && r.RegionAgs == caller.RegionAgs, ct)
            ?? throw new RecordNotFoundException($"resource '{resourceId}' does not exist.");
        return record.ToProto();
    }

    public async Task<ListResourcesResponse> ListResourcesAsync(ListResourcesRequest request, int pageSize, CallerIdentity caller, CancellationToken ct)
    {
        var offset = PageToken.Offset(request.PageToken);
        var query = db.Resources.AsNoTracking().Where(r => r.RegionAgs == caller.RegionAgs);
        if (request.OrganizationId.Length > 0) query = query.Where(r => r.OrganizationId == request.OrganizationId);
        if (request.Kind != ResourceKind.Unspecified) query = query.Where(r => r.Kind == request.Kind);
        var page = await query.OrderBy(r => r.Id).Skip(offset).Take(pageSize + 1).ToListAsync(ct);
        var response = new ListResourcesResponse();
        response.Resources.AddRange(page.Take(pageSize).Select(r => r.ToProto()));
        if (page.Count > pageSize) response.NextPageToken = PageToken.Next(offset, pageSize);
        return response;
    }

    public async Task<ResourceSchedule> GetScheduleAsync(string resourceId, CallerIdentity caller, CancellationToken ct)
    {
        var record = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.ResourceId == resourceId && s.RegionAgs == caller.RegionAgs, ct)
            ?? throw new RecordNotFoundException($"resource '{resourceId}' has no schedule.");
        return record.ToProto();
    }

    public async Task<ListSchedulesResponse> ListSchedulesAsync(ListSchedulesRequest request, int pageSize, CallerIdentity caller, CancellationToken ct)
    {
        var offset = PageToken.Offset(request.PageToken);
        var page = await db.Schedules.AsNoTracking().Where(s => s.RegionAgs == caller.RegionAgs)
            .OrderBy(s => s.ResourceId).Skip(offset).Take(pageSize + 1).ToListAsync(ct);
        var response = new ListSchedulesResponse();
        response.Schedules.AddRange(page.Take(pageSize).Select(s => s.ToProto()));
        if (page.Count > pageSize) response.NextPageToken = PageToken.Next(offset, pageSize);
        return response;
    }

    /// <summary>Offset page tokens, as ListAppointments and ListAppointmentTypes hand them out.</summary>
    private static class PageToken
    {
        public static int Offset(string token)
        {
            if (token.Length == 0) return 0;
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset < 0)
                throw DomainException.InvalidArgument("page_token", "is not a token this service handed out.");
            return offset;
        }

        public static string Next(int offset, int pageSize) => (offset + pageSize).ToString(CultureInfo.InvariantCulture);
    }
}
