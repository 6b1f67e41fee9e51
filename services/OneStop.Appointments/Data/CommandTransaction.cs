using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

/// <summary>
/// Runs one command as one transaction: under the feed's write gate, BEGIN (IMMEDIATE on SQLite, so writers queue
/// for the lock instead of failing on upgrade), the work, commit, then publish the changes it recorded. A unique
/// violation becomes <see cref="WriteConflictException"/>; any exception rolls everything back.
/// </summary>
public sealed class CommandTransaction(AppointmentsDbContext db, AppointmentFeed feed, TimeProvider clock)
{
    private readonly List<ChangeRecord> _changes = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        using (await feed.EnterWriteAsync(ct))
        {
            _changes.Clear();
            T result;
            // No savepoint around SaveChanges: any failure rolls the whole command back, so EF's automatic
            // SAVEPOINT/RELEASE pair was two statements per command that nothing used.
            db.Database.AutoSavepointsEnabled = false;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                // Read inside the lock: expiry decisions and the purge must agree with the order of commits.
                Now = clock.GetUtcNow();
                try
                {
                    result = await work();
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (DbUpdateException e) when (UniqueViolation.Is(e))
                {
                    throw new WriteConflictException(WriteConflictException.SlotTaken, e);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            feed.Publish(_changes.Select(c => c.ToProto()));
            return result;
        }
    }

    /// <summary>Stages the appointment row's new state and a change-log row; the change is published after the commit.</summary>
    public void RecordChange(Appointment appointment)
    {
        var change = new ChangeRecord
        {
            AppointmentId = appointment.Id,
            RegionAgs = appointment.RegionAgs,
            ChangedAt = Now.UtcDateTime,
            Payload = appointment.ToByteArray(),
        };
        db.Changes.Add(change);
        _changes.Add(change);
    }
}
