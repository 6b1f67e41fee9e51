namespace OneStop.Appointments.Domain;

/// <summary>
/// The time axis of one search: <see cref="Unit"/>-long units from <see cref="Origin"/>, aligned to the Unix epoch
/// (5 minutes, as the allocation table's units, so 5- and 10-minute buffers cost exactly what they say).
/// Rounding is always towards "less free": available time is counted in whole units only, busy time by every unit it touches.
/// </summary>
internal sealed class SlotGrid
{
    public static readonly TimeSpan Unit = TimeSpan.FromMinutes(5);

    public SlotGrid(DateTimeOffset from, DateTimeOffset to)
    {
        Origin = FloorToUnit(from);
        Length = (int)((CeilingToUnit(to) - Origin).Ticks / Unit.Ticks);
    }

    public DateTimeOffset Origin { get; }

    public int Length { get; }

    /// <summary>Units needed to cover a span (rounded up).</summary>
    public static int UnitsFor(TimeSpan span) => (int)((span.Ticks + Unit.Ticks - 1) / Unit.Ticks);

    /// <summary>The unit containing the instant.</summary>
    public int Floor(DateTimeOffset instant) => (int)Math.Clamp(FloorDiv((instant - Origin).Ticks, Unit.Ticks), -1, Length + 1L);

    /// <summary>The first unit starting at or after the instant.</summary>
    public int Ceiling(DateTimeOffset instant) => (int)Math.Clamp(-FloorDiv(-(instant - Origin).Ticks, Unit.Ticks), -1, Length + 1L);

    public DateTimeOffset StartOf(int unit) => Origin + (Unit * unit);

    public void MarkFree(GridBits bits, UtcInterval interval) => bits.Set(Ceiling(interval.Start), Floor(interval.End));

    public void MarkTaken(GridBits bits, UtcInterval interval) => bits.Clear(Floor(interval.Start), Ceiling(interval.End));

    private static DateTimeOffset FloorToUnit(DateTimeOffset t) =>
        new(FloorDiv(t.UtcTicks, Unit.Ticks) * Unit.Ticks, TimeSpan.Zero);

    private static DateTimeOffset CeilingToUnit(DateTimeOffset t) =>
        new(-FloorDiv(-t.UtcTicks, Unit.Ticks) * Unit.Ticks, TimeSpan.Zero);

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}
