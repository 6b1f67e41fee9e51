using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>
/// GetStats: the caller's region's appointments that start in [from, to), reduced to <see cref="AppointmentFacts"/>
/// (timestamps, outcome, agency ids; no client or resource) and summed up by <see cref="AppointmentStatistics"/>.
/// Where the timestamps come from, without storing anything about a person:
/// <list type="bullet">
/// <item>an appointment that closed an open request (the client's search for its type with <c>client_id</c>, see
/// <see cref="Offers"/>): that request's requested_at and first offer, from the offers table. Searching again does
/// not move the first offer;</item>
/// <item>any other appointment: requested_at as booked (the booking request's, else the search's stamp, else the
/// booking time) and no first offer, so it is left out of that median;</item>
/// <item>booked_at: when BookAppointment created the appointment (created_at).</item>
/// </list>
/// </summary>
public sealed class StatisticsQueries(AppointmentsDbContext db)
{
    public async Task<StatsResponse> StatsAsync(DateTimeOffset from, DateTimeOffset to, CallerIdentity caller, CancellationToken ct)
    {
        var (start, end) = (from.UtcDateTime, to.UtcDateTime);
        var rows = await (
                from a in db.Appointments.AsNoTracking()
                where a.RegionAgs == caller.RegionAgs && a.Start >= start && a.Start < end
                join o in db.Offers.AsNoTracking() on a.Id equals o.AppointmentId into offers
                from o in offers.DefaultIfEmpty()
                select new { a.Payload, Offer = o })
            .ToListAsync(ct);
        var summary = AppointmentStatistics.Compute(rows.Select(r => Facts(Appointment.Parser.ParseFrom(r.Payload), r.Offer)));

        var response = new StatsResponse
        {
            MedianRequestToFirstOffer = summary.MedianRequestToFirstOffer is { } offer ? Duration.FromTimeSpan(offer) : null,
            MedianRequestToBooking = summary.MedianRequestToBooking is { } booking ? Duration.FromTimeSpan(booking) : null,
            Appointments = summary.Appointments,
        };
        response.NoShowRates.AddRange(summary.NoShowRates.Select(r => new AgencyNoShowRate
        {
            OrganizationId = r.OrganizationId,
            Appointments = r.Appointments,
            NoShows = r.NoShows,
            Rate = r.Rate,
        }));
        return response;
    }

    /// <summary>The agencies are the organizations of the counsellors taking part; interpreters and rooms are not agencies.</summary>
    private static AppointmentFacts Facts(Appointment a, OfferRecord? offer) => new(
        offer is not null ? new DateTimeOffset(offer.RequestedAt, TimeSpan.Zero) : a.RequestedAt?.ToDateTimeOffset(),
        offer is not null ? new DateTimeOffset(offer.FirstOfferedAt, TimeSpan.Zero) : null,
        a.CreatedAt?.ToDateTimeOffset(),
        a.Status,
        [.. a.Participants.Where(p => p.Kind == ResourceKind.Counsellor && p.OrganizationId.Length > 0).Select(p => p.OrganizationId).Distinct()]);
}
