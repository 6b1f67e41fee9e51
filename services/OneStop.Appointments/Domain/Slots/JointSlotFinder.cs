using OneStop.ServiceDefaults.Time;

namespace OneStop.Appointments.Domain;

/// <summary>
/// Finds slots in which every required participant, the interpreter and the room are free at once, and names the
/// concrete resources. Works on bitsets over the search range (<see cref="GridBits"/>, 5-minute units):
/// <list type="number">
/// <item>per candidate: units it is available, and units not taken by busy time (bookings, live holds, releases);
/// the units where a slot may start are those with <c>duration</c> available units ahead and the buffered span
/// (<c>before + duration + after</c>) untaken;</item>
/// <item>per requirement: the OR of its candidates (someone of the pool is free);</item>
/// <item>the AND of all required requirements, the client's free time, the start grid, the minimum notice and the
/// booking horizon;</item>
/// <item>walk the remaining start units in time order and let <see cref="ResourceChooser"/> pick resources,
/// until <see cref="JointSlotQuery.MaxResults"/> offers (one per start time, best combination) are found.</item>
/// </list>
/// Ranking: see <see cref="SlotRanking"/>. The finder only reads; the data layer re-checks at hold and booking.
/// </summary>
public static class JointSlotFinder
{
    /// <summary>The longest range searched at once; longer ones are INVALID_ARGUMENT.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public static IReadOnlyList<RankedSlot> Find(JointSlotQuery query)
    {
        Validate(query);
        var earliest = Max(query.RangeStart, query.Now + query.MinimumNotice);
        var latest = query.RangeEnd - query.Duration;
        if (query.BookingHorizon is { } horizon && query.Now + horizon < latest)
        {
            latest = query.Now + horizon;
        }
        if (latest < earliest)
        {
            return [];
        }

        var requirements = AllRequirements(query);
        var allCandidates = requirements.SelectMany(r => r.Requirement.Candidates).ToList();
        var maxBefore = allCandidates.Select(c => c.Buffers.Before).DefaultIfEmpty().Max();
        var maxAfter = allCandidates.Select(c => c.Buffers.After).DefaultIfEmpty().Max();
        var grid = new SlotGrid(earliest - maxBefore, latest + query.Duration + maxAfter);
        var durationUnits = SlotGrid.UnitsFor(query.Duration);

        var feasible = StartUnits(grid, query, earliest, latest);
        feasible.And(ClientFree(grid, query.ClientBlocked).RunStarts(durationUnits));

        // A resource may appear in several requirements (e.g. in two pools): compute its bits once.
        var startableById = new Dictionary<string, GridBits>(StringComparer.Ordinal);
        var prepared = new List<ResourceChooser.PreparedRequirement>(requirements.Count);
        foreach (var (requirement, isRoom) in requirements)
        {
            var candidates = requirement.Candidates
                .OrderBy(c => c.Load).ThenBy(c => c.Resource.Id, StringComparer.Ordinal)
                .Select(c => (c, startableById.TryGetValue(c.Resource.Id, out var bits) ? bits : startableById[c.Resource.Id] = Startable(grid, c, durationUnits)))
                .ToList();
            prepared.Add(new ResourceChooser.PreparedRequirement(requirement, candidates, isRoom));
            if (!requirement.Optional)
            {
                var anyoneFree = new GridBits(grid.Length);
                foreach (var (_, bits) in candidates)
                {
                    anyoneFree.Or(bits);
                }
                feasible.And(anyoneFree);
            }
        }

        var slots = new List<RankedSlot>(query.MaxResults);
        for (var unit = feasible.NextSet(0); unit >= 0 && slots.Count < query.MaxResults; unit = feasible.NextSet(unit + 1))
        {
            if (ResourceChooser.Choose(prepared, unit) is not { } choice)
            {
                continue; // only when pools overlap and cannot all be filled with distinct resources
            }
            var start = grid.StartOf(unit);
            slots.Add(new RankedSlot(
                new UtcInterval(start, start + query.Duration), choice.Resources, choice.LocationId, choice.DistinctLocations, choice.Load,
                SlotRanking.Score(start, earliest, choice.DistinctLocations, choice.Load)));
        }
        return slots;
    }

    private static void Validate(JointSlotQuery query)
    {
        if (query.Duration <= TimeSpan.Zero || query.Duration > TimeSpan.FromHours(24))
        {
            throw DomainException.InvalidArgument("duration", $"must be positive and at most 24 hours, got {query.Duration}");
        }
        if (query.RangeEnd <= query.RangeStart)
        {
            throw DomainException.InvalidArgument("range_end", "must be after range_start");
        }
        if (query.RangeEnd - query.RangeStart > MaxRange)
        {
            throw DomainException.InvalidArgument("range_end", $"the range may span at most {MaxRange.TotalDays} days");
        }
        if (query.Grid <= TimeSpan.Zero || query.Grid.Ticks % SlotGrid.Unit.Ticks != 0 || TimeSpan.FromHours(1).Ticks % query.Grid.Ticks != 0)
        {
            throw DomainException.InvalidArgument("grid", $"must divide an hour into whole {SlotGrid.Unit.TotalMinutes}-minute units, got {query.Grid}");
        }
        if (query.MinimumNotice < TimeSpan.Zero || query.BookingHorizon < TimeSpan.Zero)
        {
            throw DomainException.InvalidArgument("minimum_notice", "notice and horizon must not be negative");
        }
        if (query.BookingHorizon is { } horizon && query.RangeStart > query.Now + horizon)
        {
            throw DomainException.InvalidArgument("range_start", $"lies beyond the booking horizon ({query.Now + horizon:yyyy-MM-ddTHH:mm}Z)");
        }
        if (query.MaxResults < 1)
        {
            throw DomainException.InvalidArgument("max_results", "must be at least 1");
        }
        if (query.Participants.Count == 0 && query.Interpreter is null && query.Room is null)
        {
            throw DomainException.InvalidArgument("pools", "at least one participant is required");
        }
        foreach (var requirement in query.Participants.Append(query.Interpreter).Append(query.Room))
        {
            if (requirement is { Optional: false, Candidates.Count: 0 })
            {
                throw DomainException.FailedPrecondition("no resource can fill this requirement (the pool is empty)", requirement.Field);
            }
        }
    }

    private static List<(SlotRequirement Requirement, bool IsRoom)> AllRequirements(JointSlotQuery query)
    {
        var all = query.Participants.Select(p => (p, false)).ToList();
        if (query.Interpreter is { } interpreter)
        {
            all.Add((interpreter, false));
        }
        if (query.Room is { } room)
        {
            all.Add((room, true));
        }
        return all;
    }

    /// <summary>Units on the start grid between the earliest and latest allowed start.</summary>
    private static GridBits StartUnits(SlotGrid grid, JointSlotQuery query, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var bits = new GridBits(grid.Length);
        var step = (int)(query.Grid.Ticks / SlotGrid.Unit.Ticks);
        var first = grid.Ceiling(earliest);
        var last = grid.Floor(latest);
        for (var unit = Math.Max(first, 0); unit <= last && unit < grid.Length; unit++)
        {
            // The grid is aligned to the epoch, and Berlin's offsets are whole hours, so grid starts are local quarter hours too.
            if ((grid.StartOf(unit).UtcTicks / SlotGrid.Unit.Ticks) % step == 0)
            {
                bits.Set(unit, unit + 1);
            }
        }
        return bits;
    }

    /// <summary>Units the client is not blocked (wall-clock weekly windows converted per local date).</summary>
    private static GridBits ClientFree(SlotGrid grid, IReadOnlyList<WeeklyLocalWindow> blocked)
    {
        var free = GridBits.AllSet(grid.Length);
        if (blocked.Count == 0)
        {
            return free;
        }
        foreach (var date in BerlinTime.LocalDatesIn(grid.Origin, grid.StartOf(grid.Length)))
        {
            foreach (var window in blocked)
            {
                if (window.Day == date.DayOfWeek)
                {
                    grid.MarkTaken(free, window.Window.On(date));
                }
            }
        }
        return free;
    }

    /// <summary>Units where this candidate could start the slot: available for the duration, untaken for the buffered span.</summary>
    private static GridBits Startable(SlotGrid grid, SlotCandidate candidate, int durationUnits)
    {
        var available = new GridBits(grid.Length);
        foreach (var interval in candidate.Available)
        {
            grid.MarkFree(available, interval);
        }
        var untaken = GridBits.AllSet(grid.Length);
        foreach (var interval in candidate.Busy)
        {
            grid.MarkTaken(untaken, interval);
        }
        var before = SlotGrid.UnitsFor(candidate.Buffers.Before);
        var after = SlotGrid.UnitsFor(candidate.Buffers.After);
        var startable = available.RunStarts(durationUnits);
        startable.And(untaken.RunStarts(before + durationUnits + after).ShiftedTowardsEnd(before));
        return startable;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
