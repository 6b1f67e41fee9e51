using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>A resource as a slot names it: who, of which agency, where. An empty location means "anywhere" (e.g. a phone interpreter).</summary>
public sealed record BookableResource(string Id, ResourceKind Kind, string OrganizationId, string LocationId);

/// <summary>
/// One resource the finder may choose, with its calendar over the search range: when it works
/// (<see cref="ResourceAvailability"/>), when it is taken (<see cref="BusyIntervals"/>, buffers included), its own
/// buffers (the new slot's buffered span must not touch busy time) and its load (bookings in the range).
/// </summary>
public sealed record SlotCandidate(
    BookableResource Resource,
    IReadOnlyList<UtcInterval> Available,
    IReadOnlyList<UtcInterval> Busy,
    ResourceBuffers Buffers = default,
    int Load = 0)
{
    /// <summary>Builds a candidate from its schedule and its own allocations, as seen at <paramref name="now"/>.</summary>
    public static SlotCandidate From(BookableResource resource, LocalSchedule schedule, IReadOnlyCollection<ExistingAllocation> allocations,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) =>
        new(resource,
            ResourceAvailability.Compute(schedule, from, to),
            BusyIntervals.For(allocations, schedule.Buffers, now),
            schedule.Buffers,
            BusyIntervals.BookingsIn(allocations, from, to));
}

/// <summary>
/// One place in the appointment that some resource must fill: a fixed resource (one candidate) or an agency pool
/// (its counsellors for the topic), interpreters with the language, or rooms that meet the needs. <see cref="Field"/>
/// is the request field it came from, named in errors. A required requirement with no candidates is a domain error
/// (FAILED_PRECONDITION); an optional one is filled when a candidate is free and left out otherwise.
/// </summary>
public sealed record SlotRequirement(string Field, IReadOnlyList<SlotCandidate> Candidates, bool Optional = false);

/// <summary>What <see cref="JointSlotFinder"/> searches for. All instants are real time; blocked windows are Berlin wall-clock.</summary>
public sealed record JointSlotQuery
{
    /// <summary>The agencies' places: fixed resources and agency pools.</summary>
    public required IReadOnlyList<SlotRequirement> Participants { get; init; }

    /// <summary>Interpreters with the language; null when no interpreter is needed.</summary>
    public SlotRequirement? Interpreter { get; init; }

    /// <summary>Rooms meeting the needs (capacity, wheelchair, location: filtered by the caller); null when no room is needed.</summary>
    public SlotRequirement? Room { get; init; }

    public required TimeSpan Duration { get; init; }

    public required DateTimeOffset RangeStart { get; init; }

    public required DateTimeOffset RangeEnd { get; init; }

    /// <summary>The caller's clock reading (from its TimeProvider): notice and horizon count from here.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Slot starts lie on this grid (aligned to the hour); it must divide 60 minutes into whole 5-minute units.</summary>
    public TimeSpan Grid { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The earliest start is Now + MinimumNotice.</summary>
    public TimeSpan MinimumNotice { get; init; }

    /// <summary>The latest start is Now + BookingHorizon; null: no horizon.</summary>
    public TimeSpan? BookingHorizon { get; init; }

    /// <summary>The client's recurring unavailability; a slot may not overlap any of it.</summary>
    public IReadOnlyList<WeeklyLocalWindow> ClientBlocked { get; init; } = [];

    public int MaxResults { get; init; } = 20;
}
