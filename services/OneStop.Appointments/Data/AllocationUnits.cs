namespace OneStop.Appointments.Data;

/// <summary>
/// The allocation table's time grid: 5-minute units aligned to UTC. Finer than the 15-minute slot grid so that
/// 5- and 10-minute buffers take exactly what they need; every Europe/Berlin quarter hour is a unit boundary.
/// </summary>
public static class AllocationUnits
{
    public const int Seconds = 300;

    /// <summary>The units covering [start, end): the first unit that touches it up to the last one that touches it.</summary>
    public static IEnumerable<long> Covering(DateTimeOffset start, DateTimeOffset end)
    {
        var first = start.ToUnixTimeSeconds() / Seconds;
        var endSeconds = end.ToUnixTimeSeconds();
        var last = (endSeconds + Seconds - 1) / Seconds; // exclusive
        for (var unit = first; unit < last; unit++) yield return unit;
    }

    public static DateTimeOffset StartOf(long unit) => DateTimeOffset.FromUnixTimeSeconds(unit * Seconds);

    public static long Containing(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / Seconds;
}
