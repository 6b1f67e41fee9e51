namespace OneStop.Appointments.Domain;

/// <summary>
/// Picks concrete resources for one start time, given who is free then. Tries each location where someone free
/// works as an "anchor": every requirement takes its least-loaded free candidate at the anchor, else one at a
/// location already chosen, else its least-loaded free candidate anywhere. The best anchor wins by
/// (distinct locations, room apart from the counsellors, load). Exact whenever one location can host everyone,
/// which is the Integration Point's normal case; a good heuristic otherwise. No resource is picked twice.
/// </summary>
internal static class ResourceChooser
{
    /// <summary>A requirement with its candidates sorted by (load, id) and each candidate's startable units.</summary>
    internal sealed record PreparedRequirement(SlotRequirement Requirement, IReadOnlyList<(SlotCandidate Candidate, GridBits Startable)> Candidates, bool IsRoom);

    internal sealed record Choice(IReadOnlyList<BookableResource> Resources, string LocationId, int DistinctLocations, int Load);

    public static Choice? Choose(IReadOnlyList<PreparedRequirement> requirements, int unit)
    {
        var free = new List<SlotCandidate>[requirements.Count];
        var anchors = new List<string>();
        for (var r = 0; r < requirements.Count; r++)
        {
            free[r] = [];
            foreach (var (candidate, startable) in requirements[r].Candidates)
            {
                if (startable[unit])
                {
                    free[r].Add(candidate);
                    var location = candidate.Resource.LocationId;
                    if (location.Length > 0 && !anchors.Contains(location))
                    {
                        anchors.Add(location);
                    }
                }
            }
        }
        if (anchors.Count == 0)
        {
            anchors.Add(string.Empty); // nobody has a location: one pass without preference
        }

        Choice? best = null;
        var bestRoomApart = false;
        foreach (var anchor in anchors)
        {
            if (TryPick(requirements, free, anchor) is not { } picks)
            {
                continue;
            }
            var choice = Describe(requirements, picks, out var roomApart);
            if (best is null || IsBetter(choice, roomApart, best, bestRoomApart))
            {
                best = choice;
                bestRoomApart = roomApart;
            }
        }
        return best;
    }

    private static bool IsBetter(Choice candidate, bool candidateRoomApart, Choice best, bool bestRoomApart)
    {
        if (candidate.DistinctLocations != best.DistinctLocations)
        {
            return candidate.DistinctLocations < best.DistinctLocations;
        }
        if (candidateRoomApart != bestRoomApart)
        {
            return !candidateRoomApart;
        }
        return candidate.Load < best.Load; // ties keep the earlier anchor: deterministic
    }

    private static SlotCandidate?[]? TryPick(IReadOnlyList<PreparedRequirement> requirements, List<SlotCandidate>[] free, string anchor)
    {
        var picks = new SlotCandidate?[requirements.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        var chosenLocations = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < requirements.Count; r++)
        {
            var pick = First(free[r], used, c => c.Resource.LocationId == anchor)
                ?? First(free[r], used, c => chosenLocations.Contains(c.Resource.LocationId))
                ?? First(free[r], used, _ => true);
            if (pick is null)
            {
                if (!requirements[r].Requirement.Optional)
                {
                    return null;
                }
                continue;
            }
            picks[r] = pick;
            used.Add(pick.Resource.Id);
            if (pick.Resource.LocationId.Length > 0)
            {
                chosenLocations.Add(pick.Resource.LocationId);
            }
        }
        return picks;
    }

    private static SlotCandidate? First(List<SlotCandidate> free, HashSet<string> used, Func<SlotCandidate, bool> where)
    {
        foreach (var candidate in free)
        {
            if (!used.Contains(candidate.Resource.Id) && where(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static Choice Describe(IReadOnlyList<PreparedRequirement> requirements, SlotCandidate?[] picks, out bool roomApart)
    {
        var resources = new List<BookableResource>(picks.Length);
        var locations = new HashSet<string>(StringComparer.Ordinal);
        var participantLocations = new List<string>();
        string? roomLocation = null;
        var load = 0;
        for (var r = 0; r < picks.Length; r++)
        {
            if (picks[r] is not { } pick)
            {
                continue;
            }
            resources.Add(pick.Resource);
            load += pick.Load;
            var location = pick.Resource.LocationId;
            if (location.Length == 0)
            {
                continue;
            }
            locations.Add(location);
            if (requirements[r].IsRoom)
            {
                roomLocation = location;
            }
            else
            {
                participantLocations.Add(location);
            }
        }
        roomApart = roomLocation is not null && participantLocations.Count > 0 && !participantLocations.Contains(roomLocation);
        // The appointment happens in the room; without one, where most of the participants are.
        var where = roomLocation
            ?? participantLocations.GroupBy(l => l).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()
            ?? string.Empty;
        return new Choice(resources, where, locations.Count, load);
    }
}
