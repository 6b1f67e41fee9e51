using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>
/// HoldSlot, BookAppointment and RescheduleAppointment: the commands that take resources' time. Each is one
/// transaction that inserts every allocation row of every participant (<see cref="Allocations.TakeAsync"/>); the
/// unique key refuses the whole command if any resource is taken (ABORTED). Hold expiry and the open-booking limit
/// are the domain's <see cref="HoldPolicy"/> and <see cref="CancellationPolicy"/>, configured from
/// <see cref="AppointmentsOptions"/>.
/// </summary>
public sealed class BookingCommands(AppointmentsDbContext db, CommandTransaction transaction, IOptions<AppointmentsOptions> options,
    DirectoryIds directory)
{
    public async Task<Hold> HoldAsync(HoldSlotRequest request, UtcInterval interval, CallerIdentity caller, CancellationToken ct)
    {
        await EnsureInterpreterLanguageOfferedAsync(request.AppointmentTypeId, request.Slot, caller.RegionAgs, "slot", ct);
        return await transaction.RunAsync(async () =>
        {
            var now = transaction.Now;
            var (type, participants) = await db.LoadTypeAndSlotAsync(request.AppointmentTypeId, "appointment_type_id", request.Slot, interval,
                caller.RegionAgs, now, "slot", ct);
            var expiresAt = Holds().ExpiresAt(request.HoldFor?.ToTimeSpan());
            var hold = new Hold
            {
                Id = NewId("hold"),
                Slot = CanonicalSlot(request.Slot, interval, participants, now),
                ClientId = request.ClientId,
                ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt),
                Holder = caller.Subject,
            };
            await db.TakeAsync([.. participants.Select(p => p.BusyFor(interval))], null, hold.Id, expiresAt, now, ct);
            db.Holds.Add(new HoldRecord
            {
                Id = hold.Id,
                RegionAgs = caller.RegionAgs,
                Holder = caller.Subject,
                ClientId = request.ClientId,
                AppointmentTypeId = type.Id,
                ExpiresAt = expiresAt.UtcDateTime,
                Payload = Google.Protobuf.MessageExtensions.ToByteArray(hold),
            });
            return hold;
        }, ct);
    }

    public async Task<Appointment> BookAsync(BookAppointmentRequest request, UtcInterval? directInterval, string? idempotencyKey,
        CallerIdentity caller, CancellationToken ct)
    {
        // A held slot was checked when it was held; a direct booking takes a slot now.
        if (request.HoldId.Length == 0) await EnsureInterpreterLanguageOfferedAsync(request.AppointmentTypeId, request.Slot, caller.RegionAgs, "slot", ct);
        return await transaction.RunAsync(async () =>
        {
            var replay = await db.ReplayAsync(idempotencyKey, caller.Subject, nameof(BookAsync), request, Appointment.Parser, ct);
            if (replay is not null) return replay;

            var now = transaction.Now;
            JointSlot slot;
            UtcInterval interval;
            string typeId;
            HoldRecord? hold = null;
            if (request.HoldId.Length > 0)
            {
                hold = await ConsumeHoldAsync(request, caller, now, ct);
                slot = Hold.Parser.ParseFrom(hold.Payload).Slot;
                interval = new UtcInterval(slot.Start.ToDateTimeOffset(), slot.End.ToDateTimeOffset());
                typeId = hold.AppointmentTypeId;
            }
            else
            {
                slot = request.Slot;
                interval = directInterval!.Value;
                typeId = request.AppointmentTypeId;
            }
            // A held slot passed the notice and horizon rules when it was held; resources and schedules are checked again.
            var (type, participants) = await db.LoadTypeAndSlotAsync(typeId, "appointment_type_id", slot, interval, caller.RegionAgs,
                request.HoldId.Length > 0 ? null : now, "slot", ct);
            PublicBooking.EnsureAllowed(caller, type);
            OnlineAttendance.EnsureAllowed(type, request.OnlineLink);
            await EnsureBelowOpenLimitAsync(request.ClientId, caller.RegionAgs, now, ct);

            var appointment = NewAppointment(request, type, CanonicalSlot(slot, interval, participants, now), participants, caller, now);
            await CloseOfferAsync(appointment, now, ct);
            if (hold is not null) hold.ConsumedByAppointmentId = appointment.Id;
            await db.TakeAsync([.. participants.Select(p => p.BusyFor(interval))], appointment.Id, null, null, now, ct);
            var record = new AppointmentRecord();
            record.Store(appointment);
            record.Participants = [.. participants.Select(p => new ParticipantRecord { AppointmentId = appointment.Id, ResourceId = p.Resource.Id, OrganizationId = p.Resource.OrganizationId })];
            db.Appointments.Add(record);
            transaction.RecordChange(appointment);
            db.Remember(idempotencyKey, caller.Subject, nameof(BookAsync), request, appointment, now);
            return appointment;
        }, ct);
    }

    /// <summary>
    /// Atomic: the old rows are deleted and the new rows of every participant inserted in one transaction. If anyone
    /// is busy at the new time the unique key refuses the insert, the transaction rolls back, and the old booking
    /// (rows, participants, sequence) is exactly as it was. Deleting first lets an appointment move by less than its
    /// own length without colliding with itself.
    /// </summary>
    public async Task<Appointment> RescheduleAsync(string appointmentId, JointSlot newSlot, UtcInterval interval, CallerIdentity caller,
        CancellationToken ct)
    {
        if (options.Value.ValidateDirectoryIds
            && await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.RegionAgs == caller.RegionAgs, ct) is { } stored)
        {
            var booked = stored.ToProto();
            await EnsureInterpreterLanguageOfferedAsync(booked.AppointmentTypeId, newSlot, caller.RegionAgs, "new_slot", ct, booked.Need ?? new SlotNeed());
        }
        return await transaction.RunAsync(async () =>
        {
            var now = transaction.Now;
            var record = await AppointmentAccess.LoadForUpdateAsync(db, appointmentId, caller, ct);
            var current = record.ToProto();
            if (current.Status is not (AppointmentStatus.Pending or AppointmentStatus.Booked or AppointmentStatus.Proposed))
                throw DomainException.FailedPrecondition($"a {current.Status} appointment cannot be rescheduled.");
            // Every constraint of the original need holds for the new time too (the client's blocked times, the
            // agencies, the interpreter, the room): the stored need governs, not whatever the new slot carries.
            var need = current.Need ?? new SlotNeed();
            var (_, participants) = await db.LoadTypeAndSlotAsync(current.AppointmentTypeId, "appointment_id", newSlot, interval,
                caller.RegionAgs, now, "new_slot", ct, need, "appointment.need");

            var moved = current.Clone();
            await db.DeleteRowsOfAppointmentAsync(appointmentId, ct);
            await db.TakeAsync([.. participants.Select(p => p.BusyFor(interval))], appointmentId, null, null, now, ct);

            var canonical = CanonicalSlot(newSlot, interval, participants, now);
            moved.Start = canonical.Start;
            moved.End = canonical.End;
            moved.LocationId = canonical.LocationId.Length > 0 ? canonical.LocationId : moved.LocationId;
            moved.Need = current.Need;
            moved.Participants.Clear();
            moved.Participants.AddRange(participants.Select(InitialParticipant));
            moved.Status = StatusFor(moved.Participants);
            moved.Sequence = current.Sequence + 1;
            moved.Etag = moved.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            record.Store(moved);
            await db.Participants.Where(p => p.AppointmentId == appointmentId).ExecuteDeleteAsync(ct);
            db.Participants.AddRange(participants.Select(p => new ParticipantRecord { AppointmentId = appointmentId, ResourceId = p.Resource.Id, OrganizationId = p.Resource.OrganizationId }));
            transaction.RecordChange(moved);
            return moved;
        }, ct);
    }

    /// <summary>
    /// With directory checks on: the type's interpreter language must be offered by the directory service of every
    /// interpreter of the slot who is to interpret it (INVALID_ARGUMENT on that resource otherwise). Runs before the
    /// transaction, so no directory call happens under the write lock; an unknown type or resource is left to the
    /// command, which refuses it in its transaction.
    /// </summary>
    private async Task EnsureInterpreterLanguageOfferedAsync(string typeId, JointSlot? slot, string regionAgs, string field, CancellationToken ct,
        SlotNeed? need = null)
    {
        if (!options.Value.ValidateDirectoryIds || slot is null || typeId.Length == 0) return;
        var type = await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.RegionAgs == regionAgs, ct);
        var needed = (need ?? slot.Need)?.InterpreterLanguage ?? "";
        var language = needed.Length > 0 ? needed : type?.ToProto().InterpreterLanguage ?? "";
        if (language.Length == 0) return;
        var ids = slot.Resources.Select(r => r.ResourceId).ToList();
        var interpreters = (await db.Resources.AsNoTracking()
                .Where(r => ids.Contains(r.Id) && r.RegionAgs == regionAgs && r.Kind == ResourceKind.Interpreter).ToListAsync(ct))
            .Select(r => r.ToProto()).Where(r => r.Languages.Contains(language)).ToDictionary(r => r.Id);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!interpreters.TryGetValue(ids[i], out var interpreter)) continue;
            if (!(await directory.LanguagesOfAsync(interpreter.ServiceId, ct)).Contains(language))
                throw DomainException.InvalidArgument($"{field}.resources[{i}].resource_id",
                    $"interpreting in '{language}' is not offered by the directory service '{interpreter.ServiceId}' of interpreter '{interpreter.Id}'.");
        }
    }

    // Compiled once per model (CompiledPerModel): every booking runs it.
    private static readonly CompiledPerModel<Func<AppointmentsDbContext, string, string, string, DateTime, CancellationToken, Task<OfferRecord?>>> OpenOfferQuery = new(() =>
        EF.CompileAsyncQuery((AppointmentsDbContext db, string regionAgs, string clientId, string needKey, DateTime abandoned, CancellationToken ct) =>
            db.Offers.FirstOrDefault(o => o.RegionAgs == regionAgs && o.ClientId == clientId && o.NeedKey == needKey
                && o.AppointmentId == null && o.FirstOfferedAt >= abandoned)));

    /// <summary>
    /// Closes the client's open request for this type, if FindJointSlots opened one: the offer row names the
    /// appointment, and the appointment carries the request's exact times (statistics).
    /// </summary>
    private async Task CloseOfferAsync(Appointment appointment, DateTimeOffset now, CancellationToken ct)
    {
        var abandoned = (now - options.Value.OfferRetention).UtcDateTime;
        var offer = await OpenOfferQuery.For(db)(db, appointment.RegionAgs, appointment.ClientId, OfferNeed.ForType(appointment.AppointmentTypeId), abandoned, ct);
        if (offer is null) return;
        offer.AppointmentId = appointment.Id;
        offer.BookedAt = now.UtcDateTime;
        appointment.RequestedAt = Timestamp.FromDateTime(offer.RequestedAt);
        appointment.FirstOfferAt = Timestamp.FromDateTime(offer.FirstOfferedAt);
    }

    private async Task<HoldRecord> ConsumeHoldAsync(BookAppointmentRequest request, CallerIdentity caller, DateTimeOffset now, CancellationToken ct)
    {
        var hold = await db.Holds.SingleOrDefaultAsync(h => h.Id == request.HoldId && h.RegionAgs == caller.RegionAgs, ct)
            ?? throw DomainException.InvalidArgument("hold_id", $"hold '{request.HoldId}' does not exist.");
        // Whose it is and whether it still lives are the domain's rules; "now" is the transaction's.
        Holds().EnsureConsumable(hold.Holder, new DateTimeOffset(DateTime.SpecifyKind(hold.ExpiresAt, DateTimeKind.Utc)), caller.Subject);
        if (hold.ConsumedByAppointmentId is not null)
            throw DomainException.FailedPrecondition("this hold was already booked.", "hold_id");
        if (hold.ClientId != request.ClientId)
            throw DomainException.InvalidArgument("client_id", "must be the client the hold was taken for.");
        if (request.AppointmentTypeId.Length > 0 && request.AppointmentTypeId != hold.AppointmentTypeId)
            throw DomainException.InvalidArgument("appointment_type_id", "must be the appointment type the hold was taken for.");
        // The hold's rows give way to the booking's rows in this same transaction.
        await db.DeleteRowsOfHoldAsync(hold.Id, ct);
        return hold;
    }

    // Compiled once per model (CompiledPerModel): every booking runs it.
    private static readonly CompiledPerModel<Func<AppointmentsDbContext, string, string, DateTime, CancellationToken, Task<int>>> OpenAppointmentsQuery = new(() =>
        EF.CompileAsyncQuery((AppointmentsDbContext db, string clientId, string regionAgs, DateTime cutoff, CancellationToken ct) =>
            db.Appointments.Count(a => a.ClientId == clientId && a.RegionAgs == regionAgs && a.End > cutoff
                && (a.Status == AppointmentStatus.Proposed || a.Status == AppointmentStatus.Pending || a.Status == AppointmentStatus.Booked))));

    /// <summary>Counts the client's open appointments in SQL (the same test as <see cref="CancellationPolicy.IsOpen"/>) and lets the policy decide.</summary>
    private async Task EnsureBelowOpenLimitAsync(string clientId, string regionAgs, DateTimeOffset now, CancellationToken ct)
    {
        var open = await OpenAppointmentsQuery.For(db)(db, clientId, regionAgs, now.UtcDateTime, ct);
        new CancellationPolicy(options.Value.ToCancellationOptions()).EnsureClientMayBook(open);
    }

    /// <summary>The hold rules at this command's "now" (see <see cref="FrozenClock"/>).</summary>
    private HoldPolicy Holds() => new(options.Value.ToHoldOptions(), new FrozenClock(transaction.Now));

    private Appointment NewAppointment(BookAppointmentRequest request, AppointmentType type, JointSlot slot,
        IReadOnlyList<SlotParticipant> participants, CallerIdentity caller, DateTimeOffset now)
    {
        var appointment = new Appointment
        {
            Id = NewId("apt"),
            ClientId = request.ClientId,
            AppointmentTypeId = type.Id,
            Start = slot.Start,
            End = slot.End,
            LocationId = slot.LocationId,
            OnlineLink = request.OnlineLink,
            Sequence = 0,
            // Without an open request (a search without client_id, or a slot typed in by hand) the request time is
            // the booking request's, else the search's stamp on the slot, else now; there is then no first offer.
            RequestedAt = request.RequestedAt ?? slot.RequestedAt ?? Timestamp.FromDateTimeOffset(now),
            CreatedAt = Timestamp.FromDateTimeOffset(now),
            RegionAgs = caller.RegionAgs,
            Need = slot.Need,
            Etag = "0",
        };
        appointment.Participants.AddRange(participants.Select(InitialParticipant));
        appointment.Status = StatusFor(appointment.Participants);
        return appointment;
    }

    private Participant InitialParticipant(SlotParticipant p) => new()
    {
        ResourceId = p.Resource.Id,
        Kind = p.Resource.Kind,
        OrganizationId = p.Resource.OrganizationId,
        Required = p.Required,
        // Auto-accept comes from the resource's flag or its agency's listing in AppointmentsOptions.
        Status = options.Value.ToAutoAcceptRule().AtBooking(p.Resource),
    };

    private static AppointmentStatus StatusFor(IEnumerable<Participant> participants) =>
        ParticipantResponses.Derive(participants.Select(p => new ParticipantState(p.ResourceId, p.Required, p.Status)));

    /// <summary>
    /// The slot as stored: the request's times, each resource's kind and organization from our records, a location,
    /// and the search's statistics stamps (an offer time from the future is a forged or broken one and is dropped).
    /// </summary>
    private static JointSlot CanonicalSlot(JointSlot requested, UtcInterval interval, IReadOnlyList<SlotParticipant> participants, DateTimeOffset now)
    {
        var slot = new JointSlot
        {
            Start = Timestamp.FromDateTimeOffset(interval.Start),
            End = Timestamp.FromDateTimeOffset(interval.End),
            LocationId = requested.LocationId.Length > 0 ? requested.LocationId
                : participants.FirstOrDefault(p => p.Resource.Kind == ResourceKind.Room)?.Resource.LocationId
                  ?? participants[0].Resource.LocationId,
            Score = requested.Score,
            OfferedAt = requested.OfferedAt is { } offered && offered.ToDateTimeOffset() <= now ? offered : null,
            RequestedAt = requested.RequestedAt is { } asked && asked.ToDateTimeOffset() <= now ? asked : null,
            // The need the slot was checked against travels with it into the hold and the appointment.
            Need = requested.Need,
        };
        slot.Resources.AddRange(participants.Select(p => new SlotResource { ResourceId = p.Resource.Id, Kind = p.Resource.Kind, OrganizationId = p.Resource.OrganizationId }));
        return slot;
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
