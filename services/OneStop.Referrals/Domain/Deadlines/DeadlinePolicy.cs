using Microsoft.Extensions.Options;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Referrals.Domain.Deadlines;

/// <summary>When a sent referral is due and when it expires, in working days of the region's Land (its public holidays included).</summary>
public sealed class DeadlinePolicy(IOptions<DeadlineOptions> options)
{
    private readonly DeadlineOptions _options = options.Value;

    public int AnswerDays(string serviceId, Urgency urgency)
    {
        var times = _options.Services.TryGetValue(serviceId, out var own) ? own : _options.Default;
        return urgency switch
        {
            Urgency.Urgent => times.Urgent,
            Urgency.Asap => times.Asap,
            _ => times.Routine,
        };
    }

    /// <summary>The end (local midnight, as UTC) of the answer time's last working day, counted from the day it was sent.</summary>
    public DateTime DueAt(string regionAgs, string serviceId, Urgency urgency, DateTime sentUtc) =>
        EndOfWorkingDays(regionAgs, sentUtc, AnswerDays(serviceId, urgency));

    /// <summary>The end of the last working day of the expiry period after <paramref name="dueUtc"/>.</summary>
    public DateTime ExpiresAt(string regionAgs, DateTime dueUtc) =>
        EndOfWorkingDays(regionAgs, dueUtc.AddTicks(-1), _options.ExpiryWorkingDays);

    private static DateTime EndOfWorkingDays(string regionAgs, DateTime fromUtc, int days)
    {
        var land = LandOfRegion.Of(regionAgs) ?? "";
        var start = BerlinTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc)));
        var last = WorkingDays.Add(start, days, date => PublicHolidays.IsHoliday(land, date));
        return BerlinTime.StartOfDay(last.AddDays(1)).UtcDateTime;
    }
}
