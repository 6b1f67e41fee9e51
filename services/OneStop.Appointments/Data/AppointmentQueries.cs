using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>Reads of appointments, always within the caller's region.</summary>
public sealed class AppointmentQueries(AppointmentsDbContext db)
{
    public async Task<Appointment> GetAsync(string appointmentId, CallerIdentity caller, CancellationToken ct)
    {
        var record = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.RegionAgs == caller.RegionAgs, ct)
            ?? throw new RecordNotFoundException($"appointment '{appointmentId}' does not exist.");
        return record.ToProto();
    }

    /// <summary>
    /// Filters combine (AND). Ordered by (start, id); the page token is the offset, opaque to clients. A local day
    /// is Europe/Berlin midnight to midnight (23 or 25 hours on DST days).
    /// </summary>
    public async Task<ListAppointmentsResponse> ListAsync(ListAppointmentsRequest request, int pageSize, DateOnly? day, CallerIdentity caller,
        CancellationToken ct)
    {
        var offset = ParsePageToken(request.PageToken);
        var query = db.Appointments.AsNoTracking().Where(a => a.RegionAgs == caller.RegionAgs);
        if (request.ClientId.Length > 0) query = query.Where(a => a.ClientId == request.ClientId);
        if (request.LocationId.Length > 0) query = query.Where(a => a.LocationId == request.LocationId);
        if (request.ResourceId.Length > 0) query = query.Where(a => a.Participants.Any(p => p.ResourceId == request.ResourceId));
        if (request.OrganizationId.Length > 0) query = query.Where(a => a.Participants.Any(p => p.OrganizationId == request.OrganizationId));
        if (day is { } date)
        {
            var local = UtcInterval.LocalDay(date);
            var from = local.Start.UtcDateTime;
            var to = local.End.UtcDateTime;
            query = query.Where(a => a.Start >= from && a.Start < to);
        }
        var page = await query.OrderBy(a => a.Start).ThenBy(a => a.Id).Skip(offset).Take(pageSize + 1).ToListAsync(ct);
        var response = new ListAppointmentsResponse();
        response.Appointments.AddRange(page.Take(pageSize).Select(a => a.ToProto()));
        if (page.Count > pageSize) response.NextPageToken = (offset + pageSize).ToString(CultureInfo.InvariantCulture);
        return response;
    }

    /// <summary>
    /// The region's appointment types, ordered by id; the page token is the offset. A region has tens of types, and
    /// whether one is public lives in its stored payload, so the filter runs after reading the region's rows.
    /// </summary>
    public async Task<ListAppointmentTypesResponse> ListTypesAsync(bool publicBookingOnly, int pageSize, string pageToken, CallerIdentity caller,
        CancellationToken ct)
    {
        var offset = ParsePageToken(pageToken);
        var records = await db.AppointmentTypes.AsNoTracking().Where(t => t.RegionAgs == caller.RegionAgs).ToListAsync(ct);
        var types = records.Select(r => r.ToProto())
            .Where(t => !publicBookingOnly || t.PublicBooking)
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        var response = new ListAppointmentTypesResponse();
        response.AppointmentTypes.AddRange(types.Skip(offset).Take(pageSize));
        if (types.Count > offset + pageSize) response.NextPageToken = (offset + pageSize).ToString(CultureInfo.InvariantCulture);
        return response;
    }

    private static int ParsePageToken(string token)
    {
        if (token.Length == 0) return 0;
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset < 0)
            throw DomainException.InvalidArgument("page_token", "is not a token this service handed out.");
        return offset;
    }
}
