using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Referrals.Data;
using OneStop.Referrals.Domain.Deadlines;
using OneStop.Referrals.Domain.Referrals;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Application;

/// <summary>
/// Escalates unanswered referrals past their due time (overdue flag, an ESCALATED event on the watch stream, the
/// overdue list) and expires those past their expiry to failed with the outcome "no answer". Runs every
/// <see cref="DeadlineOptions.CheckInterval"/> on the injected clock; tests call <see cref="TickAsync"/>.
/// </summary>
public sealed class DeadlineJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeadlineOptions> options, ILogger<DeadlineJob> logger)
    : BackgroundService
{
    /// <summary>Rows per transaction: a backlog is worked off in several short commands, not one long lock.</summary>
    private const int BatchSize = 200;

    /// <summary>One pass: every referral due by now is escalated, every one expired by now fails. Returns how many changed.</summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        var changed = 0;
        // Each batch changes the rows it selects so they leave the selection: the loop ends when a batch is short.
        while (true)
        {
            var count = await RunBatchAsync(Escalate, ct);
            changed += count;
            if (count < BatchSize) break;
        }
        while (true)
        {
            var count = await RunBatchAsync(Expire, ct);
            changed += count;
            if (count < BatchSize) break;
        }
        return changed;
    }

    private async Task<int> RunBatchAsync(Func<ReferralsDbContext, CommandTransaction, CancellationToken, Task<int>> step, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var transaction = scope.ServiceProvider.GetRequiredService<CommandTransaction>();
        return await transaction.RunAsync(() => step(db, transaction, ct), ct);
    }

    private static async Task<int> Escalate(ReferralsDbContext db, CommandTransaction transaction, CancellationToken ct)
    {
        var now = transaction.Now;
        var due = await db.Referrals
            .Where(r => (r.State == (int)ReferralState.Requested || r.State == (int)ReferralState.Received) && !r.Overdue && r.DueAt <= now)
            .OrderBy(r => r.DueAt).Take(BatchSize).ToListAsync(ct);
        foreach (var referral in due)
        {
            referral.Overdue = true;
            referral.UpdatedAt = now;
            referral.Version++;
            var state = (ReferralState)referral.State;
            transaction.RecordEvent(referral, ReferralEventKind.Escalated, ReferralRole.System, "", "", state, state);
        }
        return due.Count;
    }

    private static async Task<int> Expire(ReferralsDbContext db, CommandTransaction transaction, CancellationToken ct)
    {
        var now = transaction.Now;
        var expired = await db.Referrals
            .Where(r => (r.State == (int)ReferralState.Requested || r.State == (int)ReferralState.Received) && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt).Take(BatchSize).ToListAsync(ct);
        foreach (var referral in expired)
        {
            var from = (ReferralState)referral.State;
            var to = ReferralTransitions.Apply(ReferralAction.Expire, from, ReferralRole.System);
            referral.State = (int)to;
            referral.Outcome = (int)ReferralOutcome.NoAnswer;
            referral.Overdue = false;
            referral.UpdatedAt = now;
            referral.Version++;
            transaction.RecordEvent(referral, ReferralEventKind.Transition, ReferralRole.System, "", "", from, to, ReferralOutcome.NoAnswer);
        }
        return expired.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Zero switches the loop off (tests drive TickAsync themselves, so nothing runs behind their back).
        if (options.Value.CheckInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a database hiccup must not stop deadline checks for good.
                logger.LogError(e, "Deadline check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
