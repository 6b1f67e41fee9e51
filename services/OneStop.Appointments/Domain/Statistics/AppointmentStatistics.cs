using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>
/// What statistics need from one appointment: its timestamps, outcome and the agencies (directory organization ids
/// of its counsellor participants). Nothing that identifies a client or a person.
/// </summary>
public sealed record AppointmentFacts(
    DateTimeOffset? RequestedAt,
    DateTimeOffset? FirstOfferAt,
    DateTimeOffset? BookedAt,
    AppointmentStatus Status,
    IReadOnlyCollection<string> AgencyIds);

/// <summary>No-shows of one agency among its appointments with a known outcome.</summary>
public sealed record AgencyNoShows(string OrganizationId, int Appointments, int NoShows)
{
    public double Rate => Appointments == 0 ? 0 : (double)NoShows / Appointments;
}

/// <summary>Aggregates only; medians are null when no appointment had both timestamps.</summary>
public sealed record AppointmentStatisticsSummary(
    TimeSpan? MedianRequestToFirstOffer,
    TimeSpan? MedianRequestToBooking,
    IReadOnlyList<AgencyNoShows> NoShowRates,
    int Appointments);

/// <summary>
/// Service-level figures over a set of appointments:
/// <list type="bullet">
/// <item>median time from request to first offered slot, and from request to booking (appointments lacking either
/// timestamp, or with one before the request, are left out of that median; an even count takes the mean of the two
/// middle values);</item>
/// <item>no-show rate per agency = NOSHOW / (ARRIVED + FULFILLED + NOSHOW): only appointments whose outcome is known
/// count, so cancelled and future ones neither raise nor dilute the rate. A joint appointment counts once for each
/// agency taking part.</item>
/// </list>
/// </summary>
public static class AppointmentStatistics
{
    public static AppointmentStatisticsSummary Compute(IEnumerable<AppointmentFacts> appointments)
    {
        var all = appointments.ToList();
        var toOffer = Durations(all, a => a.FirstOfferAt);
        var toBooking = Durations(all, a => a.BookedAt);

        var perAgency = new SortedDictionary<string, (int Appointments, int NoShows)>(StringComparer.Ordinal);
        foreach (var appointment in all.Where(a => a.Status is AppointmentStatus.Arrived or AppointmentStatus.Fulfilled or AppointmentStatus.Noshow))
        {
            foreach (var agency in appointment.AgencyIds.Distinct(StringComparer.Ordinal))
            {
                perAgency.TryGetValue(agency, out var counts);
                perAgency[agency] = (counts.Appointments + 1, counts.NoShows + (appointment.Status == AppointmentStatus.Noshow ? 1 : 0));
            }
        }

        return new AppointmentStatisticsSummary(
            Median(toOffer),
            Median(toBooking),
            [.. perAgency.Select(p => new AgencyNoShows(p.Key, p.Value.Appointments, p.Value.NoShows))],
            all.Count);
    }

    /// <summary>The median of a list of durations; null for none.</summary>
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.OrderBy(v => v).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }

    private static List<TimeSpan> Durations(List<AppointmentFacts> all, Func<AppointmentFacts, DateTimeOffset?> until) =>
        [.. all.Where(a => a.RequestedAt is not null && until(a) is { } end && end >= a.RequestedAt)
            .Select(a => until(a)!.Value - a.RequestedAt!.Value)];
}
