using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>
/// FindJointSlots: loads the candidates of every requirement (pools by organization and topic, interpreters by
/// language, rooms by needs) in the caller's region, their schedules and the allocation rows blocking now, and lets
/// <see cref="JointSlotFinder"/> search. With directory checks on, the interpreter language must be offered by an
/// interpreting service of the region in the directory (INVALID_ARGUMENT otherwise), and only interpreters whose
/// directory service offers it are candidates. Holding and booking check everything again in the database. The
/// only write: when the search names a client and a type and offers a slot, the client's request for that type is
/// opened with this first offer (<see cref="Offers"/>), unless it is open already. The request's shape (range, max_results, ad-hoc duration, pool ids) was checked by the gRPC layer, which hands
/// over the parsed values as <see cref="SlotSearchLimits"/>.
/// </summary>
public sealed class SlotSearch(AppointmentsDbContext db, TimeProvider clock, DirectoryIds directory, Offers offers,
    IOptions<AppointmentsOptions> options)
{
    public async Task<FindJointSlotsResponse> FindAsync(FindJointSlotsRequest request, SlotSearchLimits limits, CallerIdentity caller,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (from, to, maxResults) = (limits.From, limits.To, limits.MaxResults);
        var wanted = await WantedAsync(request, limits.AdHocDuration, caller, ct);
        var rule = wanted.Rule;
        var resources = (await db.Resources.AsNoTracking().Where(r => r.RegionAgs == caller.RegionAgs).ToListAsync(ct)).Select(r => r.ToProto()).ToList();
        // The rule's places give the candidates: the same predicates HoldSlot checks the slot with.
        List<Resource> Fitting(NeedPlace place) => [.. resources.Where(place.Fits)];
        var pools = rule.Places.Where(p => p.Kind == NeedPlaceKind.Participant).Select(p => (p.Field, Members: Fitting(p), p.Optional)).ToList();
        var interpreterPlace = rule.Places.SingleOrDefault(p => p.Kind == NeedPlaceKind.Interpreter);
        var interpreters = interpreterPlace is null ? null : Fitting(interpreterPlace);
        if (interpreters is not null && options.Value.ValidateDirectoryIds)
        {
            var offering = await directory.RequireInterpreterLanguageAsync(rule.InterpreterLanguage,
                resources.Where(r => r.Kind == ResourceKind.Interpreter).Select(r => r.ServiceId), rule.InterpreterField, ct);
            interpreters = [.. interpreters.Where(r => offering.Contains(r.ServiceId))];
        }
        var roomPlace = rule.Places.SingleOrDefault(p => p.Kind == NeedPlaceKind.Room);
        var rooms = roomPlace is null ? null : Fitting(roomPlace);

        var involved = pools.SelectMany(p => p.Members).Concat(interpreters ?? []).Concat(rooms ?? []).Select(r => r.Id).Distinct().ToList();
        var schedules = (await db.Schedules.AsNoTracking().Where(s => involved.Contains(s.ResourceId)).ToListAsync(ct))
            .ToDictionary(s => s.ResourceId, s => ScheduleReader.Read(s.ToProto()));
        var allocations = await ExistingAsync(involved, schedules, from, to, now, ct);

        SlotCandidate Candidate(Resource r)
        {
            var schedule = schedules.GetValueOrDefault(r.Id) ?? new LocalSchedule([]);
            return SlotCandidate.From(new BookableResource(r.Id, r.Kind, r.OrganizationId, r.LocationId), schedule,
                allocations.GetValueOrDefault(r.Id) ?? [], from, to, now);
        }

        var query = new JointSlotQuery
        {
            Participants = [.. pools.Select(p => new SlotRequirement(p.Field, [.. p.Members.Select(Candidate)], p.Optional))],
            Interpreter = interpreters is null ? null : new SlotRequirement(interpreterPlace!.Field, [.. interpreters.Select(Candidate)]),
            Room = rooms is null ? null : new SlotRequirement(roomPlace!.Field, [.. rooms.Select(Candidate)]),
            Duration = wanted.Duration,
            RangeStart = from,
            RangeEnd = to,
            Now = now,
            MinimumNotice = wanted.MinimumNotice,
            BookingHorizon = wanted.BookingHorizon,
            ClientBlocked = rule.ClientBlocked,
            MaxResults = maxResults,
        };
        // Stamped for statistics: a hold or booking made from one of these slots carries them into the appointment.
        var offeredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        var requestedAt = request.RequestedAt ?? offeredAt;
        var response = new FindJointSlotsResponse();
        foreach (var found in JointSlotFinder.Find(query))
        {
            var slot = found.ToContract();
            slot.OfferedAt = offeredAt;
            slot.RequestedAt = requestedAt;
            slot.Need = wanted.Need;
            response.Slots.Add(slot);
        }
        if (response.Slots.Count > 0 && request.ClientId.Length > 0 && request.AppointmentTypeId.Length > 0)
            await offers.RecordFirstOfferAsync(caller.RegionAgs, request.ClientId, request.AppointmentTypeId, requestedAt.ToDateTimeOffset(), ct);
        return response;
    }

    /// <summary>The rule to search with, the need a slot carries to HoldSlot (null for an ad-hoc search), and the timing rules.</summary>
    private sealed record Wanted(SlotNeedRule Rule, SlotNeed? Need, TimeSpan Duration, TimeSpan MinimumNotice, TimeSpan? BookingHorizon);

    /// <summary>What to search for: the appointment type's requirements refined by the request's need, or the request's ad-hoc ones.</summary>
    private async Task<Wanted> WantedAsync(FindJointSlotsRequest request, TimeSpan? adHocDuration, CallerIdentity caller, CancellationToken ct)
    {
        if (request.AppointmentTypeId.Length > 0)
        {
            var type = await db.LoadTypeAsync(request.AppointmentTypeId, caller.RegionAgs, "appointment_type_id", ct);
            PublicBooking.EnsureAllowed(caller, type);
            var need = new SlotNeed { Pools = { request.Pools }, InterpreterLanguage = request.InterpreterLanguage, RoomNeeds = request.RoomNeeds,
                ClientBlocked = { request.ClientBlocked } };
            return new Wanted(SlotNeedRule.For(type, need, prefix: ""), need,
                type.Duration.ToTimeSpan(), type.MinimumNotice?.ToTimeSpan() ?? TimeSpan.Zero, type.BookingHorizon?.ToTimeSpan());
        }
        var duration = adHocDuration ?? throw DomainException.InvalidArgument("duration", "is required for an ad-hoc search.");
        return new Wanted(SlotNeedRule.AdHoc(request), null, duration, TimeSpan.Zero, null);
    }

    /// <summary>
    /// The claims blocking now, one per resource and booking or hold, from the allocation rows. Rows include the
    /// buffers they were booked with; those are taken off again because the finder adds the resource's buffers itself.
    /// </summary>
    private async Task<Dictionary<string, List<ExistingAllocation>>> ExistingAsync(IReadOnlyCollection<string> resourceIds,
        IReadOnlyDictionary<string, LocalSchedule> schedules, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        var margin = TimeSpan.FromDays(1); // a booking just outside the range still blocks through its buffers
        var rows = await db.Blocking(resourceIds, AllocationUnits.Containing(from - margin), AllocationUnits.Containing(to + margin) + 1, now)
            .Select(a => new { a.ResourceId, a.Unit, a.AppointmentId, a.HoldId, a.FreedAt })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.ResourceId, r.AppointmentId, r.HoldId))
            .Select(g =>
            {
                var buffers = schedules.GetValueOrDefault(g.Key.ResourceId)?.Buffers ?? ResourceBuffers.None;
                var start = AllocationUnits.StartOf(g.Min(r => r.Unit)) + buffers.Before;
                var end = AllocationUnits.StartOf(g.Max(r => r.Unit) + 1) - buffers.After;
                if (end <= start) (start, end) = (AllocationUnits.StartOf(g.Min(r => r.Unit)), AllocationUnits.StartOf(g.Max(r => r.Unit) + 1));
                var freedAt = g.First().FreedAt;
                var kind = g.Key.HoldId is not null ? AllocationKind.Hold : freedAt is null ? AllocationKind.Booking : AllocationKind.CancelledUntilRelease;
                DateTimeOffset? until = freedAt is null ? null : new DateTimeOffset(freedAt.Value, TimeSpan.Zero);
                return new ExistingAllocation(g.Key.ResourceId, new UtcInterval(start, end), kind, until);
            })
            .GroupBy(a => a.ResourceId)
            .ToDictionary(g => g.Key, g => g.ToList());
    }
}

/// <summary>The checked and parsed limits of one search: the range, how many slots at most, and an ad-hoc search's duration.</summary>
public sealed record SlotSearchLimits(DateTimeOffset From, DateTimeOffset To, int MaxResults, TimeSpan? AdHocDuration);
