namespace OneStop.Appointments.Domain;

/// <summary>Operations on lists of intervals that the availability and busy computations share.</summary>
public static class IntervalSet
{
    /// <summary>Sorted by start, empty intervals dropped, overlapping or touching intervals merged into one.</summary>
    public static IReadOnlyList<UtcInterval> Normalize(IEnumerable<UtcInterval> intervals)
    {
        var sorted = intervals.Where(i => !i.IsEmpty).OrderBy(i => i.Start).ToList();
        var merged = new List<UtcInterval>(sorted.Count);
        foreach (var interval in sorted)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new UtcInterval(last.Start, interval.End > last.End ? interval.End : last.End);
            }
            else
            {
                merged.Add(interval);
            }
        }
        return merged;
    }

    /// <summary>The parts of <paramref name="from"/> not covered by <paramref name="remove"/>; both may be unsorted.</summary>
    public static IReadOnlyList<UtcInterval> Subtract(IEnumerable<UtcInterval> from, IEnumerable<UtcInterval> remove)
    {
        var holes = Normalize(remove);
        var result = new List<UtcInterval>();
        foreach (var interval in Normalize(from))
        {
            var cursor = interval.Start;
            foreach (var hole in holes)
            {
                if (hole.End <= cursor)
                {
                    continue;
                }
                if (hole.Start >= interval.End)
                {
                    break;
                }
                if (hole.Start > cursor)
                {
                    result.Add(new UtcInterval(cursor, hole.Start));
                }
                cursor = hole.End;
            }
            if (cursor < interval.End)
            {
                result.Add(new UtcInterval(cursor, interval.End));
            }
        }
        return result;
    }
}
