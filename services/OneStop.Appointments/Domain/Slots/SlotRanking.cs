namespace OneStop.Appointments.Domain;

/// <summary>
/// How offers are ordered, as one number (higher is better) so that the contract's <c>score</c> sorts the same way
/// as the list:
/// <code>score = −(minutes after the earliest possible start)
///         − 0.1 × (distinct locations − 1, at most 9)
///         − 0.1 × load / (load + 1)</code>
/// Slot starts are at least 5 minutes apart, and the two penalties together stay below 1, so the order is:
/// earliest first; at equal start fewer distinct locations (a client should not have to move between buildings);
/// then lower load, the number of bookings the chosen resources already have in the range (spreads work across a pool).
/// Resources without a location (a phone interpreter) do not count as a location.
/// </summary>
public static class SlotRanking
{
    public static double Score(DateTimeOffset start, DateTimeOffset earliestPossible, int distinctLocations, int load)
    {
        var minutesLater = (start - earliestPossible).TotalMinutes;
        var locationPenalty = 0.1 * Math.Clamp(distinctLocations - 1, 0, 9);
        var loadPenalty = 0.1 * load / (load + 1.0);
        return -minutesLater - locationPenalty - loadPenalty;
    }
}
