namespace OneStop.Appointments.Domain;

/// <summary>A half-open span of real time [Start, End). Both ends are instants; compare them, never their offsets.</summary>
public readonly record struct UtcInterval
{
    public UtcInterval(DateTimeOffset start, DateTimeOffset end)
    {
        // Normalise to offset zero so that equality and printing do not depend on how the caller wrote the instant.
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Duration => End - Start;

    /// <summary>One whole Berlin local day, from local midnight to the next local midnight (23, 24 or 25 hours).</summary>
    public static UtcInterval LocalDay(DateOnly date) => LocalTimeWindow.WholeDay.On(date);

    public bool IsEmpty => End <= Start;

    public bool Overlaps(UtcInterval other) => Start < other.End && other.Start < End;

    public bool Contains(UtcInterval other) => Start <= other.Start && other.End <= End;

    /// <summary>The part of this interval inside <paramref name="other"/>; empty when they do not overlap.</summary>
    public UtcInterval ClipTo(UtcInterval other) =>
        new(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End);

    /// <summary>Widened by a lead time before and a follow-up time after (the resource's buffers).</summary>
    public UtcInterval Widen(TimeSpan before, TimeSpan after) => new(Start - before, End + after);

    public override string ToString() => $"[{Start:yyyy-MM-ddTHH:mm}Z, {End:yyyy-MM-ddTHH:mm}Z)";
}
