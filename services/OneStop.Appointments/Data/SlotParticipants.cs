using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

/// <summary>One resource of a slot, loaded, with its schedule and whether the appointment type requires it.</summary>
public sealed record SlotParticipant(Resource Resource, LocalSchedule Schedule, bool Required)
{
    /// <summary>What this resource keeps busy for the slot: the slot widened by its buffers.</summary>
    public BusySpan BusyFor(UtcInterval slot)
    {
        var span = Schedule.Buffers.Around(slot);
        return new BusySpan(Resource.Id, span.Start, span.End);
    }
}

/// <summary>
/// Loads the resources a client-sent slot names and checks them against the appointment type refined by the need
/// (<see cref="SlotNeedRule"/>, the rule FindJointSlots searched with): every resource exists in the caller's region
/// and fills one place, every required place is filled, the slot avoids the client's blocked times, and it lies in
/// each resource's availability. Refusals name the request field (<paramref name="field"/> prefix).
/// </summary>
public static class SlotParticipants
{
    private static readonly LocalSchedule NoSchedule = new([]);

    private sealed record TypeSlotRow(AppointmentTypeRecord Type, ResourceRecord? Resource, ScheduleRecord? Schedule);

    // One row per resource (type columns repeated), or one row with no resource when none matched. Compiled once per
    // model (CompiledPerModel): the booking path runs it for every command, and translating it through the query cache each time was measurable.
    private static readonly CompiledPerModel<Func<AppointmentsDbContext, string, string, List<string>, IAsyncEnumerable<TypeSlotRow>>> TypeAndSlotQuery = new(() =>
        EF.CompileAsyncQuery((AppointmentsDbContext db, string typeId, string regionAgs, List<string> ids) =>
            from t in db.AppointmentTypes.AsNoTracking()
            where t.Id == typeId && t.RegionAgs == regionAgs
            from r in db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id) && r.RegionAgs == regionAgs).DefaultIfEmpty()
            join s in db.Schedules.AsNoTracking() on r!.Id equals s.ResourceId into schedules
            from s in schedules.DefaultIfEmpty()
            select new TypeSlotRow(t, r, s)));

    public static async Task<AppointmentType> LoadTypeAsync(this AppointmentsDbContext db, string typeId, string regionAgs, string field,
        CancellationToken ct)
    {
        var record = await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.RegionAgs == regionAgs, ct)
            ?? throw DomainException.InvalidArgument(field, $"appointment type '{typeId}' does not exist.");
        return record.ToProto();
    }

    /// <summary>
    /// The appointment type and the slot's resources with their schedules, read in ONE statement (the booking path
    /// runs it for every command; three separate reads were a third of its statements), then checked as
    /// <see cref="Check"/> describes, against the type refined by <paramref name="need"/> (the slot's own need when
    /// null: what FindJointSlots offered it for). A missing type is INVALID_ARGUMENT on <paramref name="typeField"/>.
    /// </summary>
    public static async Task<(AppointmentType Type, IReadOnlyList<SlotParticipant> Participants)> LoadTypeAndSlotAsync(
        this AppointmentsDbContext db, string typeId, string typeField, JointSlot slot, UtcInterval interval, string regionAgs,
        DateTimeOffset? now, string field, CancellationToken ct, SlotNeed? need = null, string? needField = null)
    {
        var ids = slot.Resources.Select(r => r.ResourceId).ToList();
        var rows = new List<TypeSlotRow>();
        await foreach (var row in TypeAndSlotQuery.For(db)(db, typeId, regionAgs, ids).WithCancellation(ct)) rows.Add(row);
        if (rows.Count == 0) throw DomainException.InvalidArgument(typeField, $"appointment type '{typeId}' does not exist.");
        var type = rows[0].Type.ToProto();
        var resources = rows.Where(r => r.Resource is not null).ToList();
        var rule = SlotNeedRule.For(type, need ?? slot.Need, $"{needField ?? field + ".need"}.");
        var participants = Check(type, rule, slot, interval, now, field,
            resources.ToDictionary(r => r.Resource!.Id, r => r.Resource!),
            resources.Where(r => r.Schedule is not null).ToDictionary(r => r.Resource!.Id, r => r.Schedule!));
        return (type, participants);
    }

    /// <summary>
    /// The slot's resources for an already loaded type: every resource exists in the region, fills one participant
    /// requirement, and is available for the whole slot; the slot has the type's duration, lies on the grid and, when
    /// <paramref name="now"/> is given, respects notice and horizon.
    /// </summary>
    private static List<SlotParticipant> Check(AppointmentType type, SlotNeedRule rule, JointSlot slot, UtcInterval interval, DateTimeOffset? now, string field,
        Dictionary<string, ResourceRecord> resources, Dictionary<string, ScheduleRecord> schedules)
    {
        var duration = type.Duration?.ToTimeSpan() ?? TimeSpan.Zero;
        if (interval.Duration != duration)
            throw DomainException.InvalidArgument($"{field}.end", $"the slot must last {duration.TotalMinutes:0} minutes, as appointment type '{type.Id}' does.");
        if (interval.Start.ToUnixTimeSeconds() % (15 * 60) != 0)
            throw DomainException.InvalidArgument($"{field}.start", "must be on the 15-minute grid.");
        if (now is { } at) CheckTiming(type, interval, at, field);
        rule.EnsureClientFree(interval, field);

        var ids = slot.Resources.Select(r => r.ResourceId).ToList();
        var loaded = new List<Resource>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!resources.TryGetValue(ids[i], out var record))
                throw DomainException.InvalidArgument($"{field}.resources[{i}].resource_id", $"resource '{ids[i]}' does not exist.");
            loaded.Add(record.ToProto());
        }

        var required = rule.Assign(loaded, field);
        var participants = new List<SlotParticipant>(loaded.Count);
        for (var i = 0; i < loaded.Count; i++)
        {
            var schedule = schedules.TryGetValue(loaded[i].Id, out var s) ? ScheduleReader.Read(s.ToProto()) : NoSchedule;
            if (!ResourceAvailability.Compute(schedule, interval.Start, interval.End).Any(a => a.Contains(interval)))
                throw DomainException.FailedPrecondition($"resource '{loaded[i].Id}' is not available at that time.", $"{field}.resources[{i}]");
            participants.Add(new SlotParticipant(loaded[i], schedule, required[i]));
        }
        return participants;
    }

    /// <summary>Minimum notice and booking horizon, against the transaction's clock; null <c>now</c> skips them (a held slot).</summary>
    private static void CheckTiming(AppointmentType type, UtcInterval interval, DateTimeOffset now, string field)
    {
        if (interval.Start < now) throw DomainException.InvalidArgument($"{field}.start", "is in the past.");
        if (type.MinimumNotice is { } notice && interval.Start < now + notice.ToTimeSpan())
            throw DomainException.InvalidArgument($"{field}.start", $"is sooner than the minimum notice of {notice.ToTimeSpan()}.");
        if (type.BookingHorizon is { } horizon && interval.Start > now + horizon.ToTimeSpan())
            throw DomainException.InvalidArgument($"{field}.start", $"is beyond the booking horizon of {horizon.ToTimeSpan().TotalDays:0} days.");
    }
}
