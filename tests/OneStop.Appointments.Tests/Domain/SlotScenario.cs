using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

/// <summary>
/// Small builders for slot-finder tests. The default day is Monday 2026-12-07 (winter: Berlin = UTC+1), so
/// "local 10:00" is 09:00Z.
/// </summary>
internal static class SlotScenario
{
    public static readonly DateOnly Monday = new(2026, 12, 7);

    /// <summary>Local wall-clock time on <see cref="Monday"/> (UTC+1).</summary>
    public static DateTimeOffset Local(int hour, int minute = 0) => Berlin(2026, 12, 7, hour, minute, offsetHours: 1);

    public static UtcInterval LocalSpan(int fromHour, int toHour) => new(Local(fromHour), Local(toHour));

    public static BookableResource Counsellor(string id, string organization = "org-jobcenter", string location = "loc-ip") =>
        new(id, ResourceKind.Counsellor, organization, location);

    public static BookableResource Room(string id, string location) => new(id, ResourceKind.Room, "org-kreis", location);

    public static BookableResource Interpreter(string id, string location = "") => new(id, ResourceKind.Interpreter, "org-dolmetsch", location);

    public static SlotCandidate Candidate(BookableResource resource, UtcInterval available, params UtcInterval[] busy) =>
        new(resource, [available], busy);

    public static SlotRequirement Need(string field, params SlotCandidate[] candidates) => new(field, candidates);

    /// <summary>A one-hour appointment searched on Monday, asked for a week earlier, no notice or horizon.</summary>
    public static JointSlotQuery Query(params SlotRequirement[] participants) => new()
    {
        Participants = participants,
        Duration = TimeSpan.FromHours(1),
        RangeStart = Utc(2026, 12, 7),
        RangeEnd = Utc(2026, 12, 8),
        Now = Utc(2026, 11, 30),
        MaxResults = 100,
    };

    public static IReadOnlyList<DateTimeOffset> Starts(IReadOnlyList<RankedSlot> slots) => [.. slots.Select(s => s.Span.Start)];
}
