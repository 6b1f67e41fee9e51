using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Data;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Application;

/// <summary>
/// Runs one command as one transaction under the feed's write gate: BEGIN, the work (which stages rows, events and
/// audit entries), SaveChanges, COMMIT, then publish the referral events it recorded. Any exception rolls all of
/// it back, so a change never exists without its event, nor an event without its change.
/// </summary>
public sealed class CommandTransaction(ReferralsDbContext db, ReferralFeed feed, TimeProvider clock)
{
    private readonly List<(ReferralEventRecord Event, ReferralRecord Referral)> _events = [];

    /// <summary>The command's one "now", read inside the gate.</summary>
    public DateTime Now { get; private set; }

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        using (await feed.EnterWriteAsync(ct))
        {
            _events.Clear();
            T result;
            db.Database.AutoSavepointsEnabled = false;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                Now = clock.GetUtcNow().UtcDateTime;
                try
                {
                    result = await work();
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            // Sequences are known only after SaveChanges; published in sequence order.
            feed.Publish(_events.OrderBy(e => e.Event.Sequence).Select(e => new ReferralChange
            {
                Version = e.Event.Sequence,
                Event = ReferralMapping.ToProto(e.Event),
                Referral = ReferralMapping.Summary(e.Referral),
            }).ToList());
            return result;
        }
    }

    /// <summary>Stages a history entry for <paramref name="referral"/> (whose row the command has changed), stamped now.</summary>
    public ReferralEventRecord RecordEvent(ReferralRecord referral, ReferralEventKind kind, ReferralRole role, string actorOrganizationId,
        string actorSubject, ReferralState from, ReferralState to, ReferralOutcome outcome = ReferralOutcome.Unspecified, string reason = "",
        string appointmentId = "")
    {
        var record = new ReferralEventRecord
        {
            ReferralId = referral.Id,
            RegionAgs = referral.RegionAgs,
            SenderOrganizationId = referral.SenderOrganizationId,
            ReceiverOrganizationId = referral.ReceiverOrganizationId,
            Kind = (int)kind,
            At = Now,
            ActorOrganizationId = actorOrganizationId,
            ActorSubject = actorSubject,
            ActorRole = (int)role,
            FromState = (int)from,
            ToState = (int)to,
            Outcome = (int)outcome,
            Reason = reason,
            AppointmentId = appointmentId,
        };
        db.ReferralEvents.Add(record);
        _events.Add((record, referral));
        return record;
    }
}
