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
/// <item>requested_at: the booking request's, else the one FindJointSlots stamped on the slot, else the booking time;</item>
/// <item>first offer: the offered_at FindJointSlots stamped on the slot the hold or booking was made from (a slot
/// typed in by hand has none, and that appointment is left out of that median). A caller that searches again and
/// takes a slot of the later answer carries the later time;</item>
/// <item>booked_at: when BookAppointment created the appointment (created_at).</item>
/// </list>
/// </summary>
public sealed class StatisticsQueries(AppointmentsDbContext db)
{
    public async Task<StatsResponse> StatsAsync(DateTimeOffset from, DateTimeOffset to, CallerIdentity caller, CancellationToken ct)
    {
        var (start, end) = (from.UtcDateTime, to.UtcDateTime);
        var payloads = await db.Appointments.AsNoTracking()
            .Where(a => a.RegionAgs == caller.RegionAgs && a.Start >= start && a.Start < end)
            .Select(a => a.Payload)
            .ToListAsync(ct);
        var summary = AppointmentStatistics.Compute(payloads.Select(p => Facts(Appointment.Parser.ParseFrom(p))));

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
    private static AppointmentFacts Facts(Appointment a) => new(
        a.RequestedAt?.ToDateTimeOffset(),
        a.FirstOfferAt?.ToDateTimeOffset(),
        a.CreatedAt?.ToDateTimeOffset(),
        a.Status,
        [.. a.Participants.Where(p => p.Kind == ResourceKind.Counsellor && p.OrganizationId.Length > 0).Select(p => p.OrganizationId).Distinct()]);
}
