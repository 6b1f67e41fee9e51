using System.Diagnostics;
using System.Globalization;

namespace OneStop.Benchmarks.Directory;

/// <summary>Per-operation latencies of a manual measurement loop, in Stopwatch ticks, and their percentiles.</summary>
internal sealed class LatencySamples
{
    private readonly List<long> _ticks;

    public LatencySamples(string name, int capacity)
    {
        Name = name;
        _ticks = new List<long>(capacity);
    }

    public string Name { get; }

    public int Count => _ticks.Count;

    public void Add(long elapsedTicks) => _ticks.Add(elapsedTicks);

    /// <summary>Nearest-rank percentile in microseconds.</summary>
    public double PercentileMicroseconds(double percentile)
    {
        if (_ticks.Count == 0) return double.NaN;
        var sorted = _ticks.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return ToMicroseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    public double MeanMicroseconds => _ticks.Count == 0 ? double.NaN : ToMicroseconds((long)_ticks.Average());

    public static string Header =>
        "| measurement | n | mean µs | p50 µs | p95 µs | p99 µs | max µs |" + Environment.NewLine +
        "|---|---:|---:|---:|---:|---:|---:|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Count:N0} | {MeanMicroseconds:F1} | {PercentileMicroseconds(50):F1} | {PercentileMicroseconds(95):F1} | " +
        $"{PercentileMicroseconds(99):F1} | {PercentileMicroseconds(100):F1} |");

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
