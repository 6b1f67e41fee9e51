using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace OneStop.Benchmarks.AllocationProbe;

/// <summary>
/// Which types a process allocates, from the runtime's own sampling: the GC raises an AllocationTick event about
/// every 100 KB allocated, naming the type of the object that crossed the line. Over millions of calls the ticks per
/// type are proportional to the bytes per type, which is enough to find what dominates. Only for diagnosis: the
/// throughput runs leave it off.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // AllocationTick is a verbose-level GC event.
        if (eventSource.Name == RuntimeSource) EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
        var names = eventData.PayloadNames!;
        var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    /// <summary>The sampled bytes per type since the last call, largest first, with each type's share; then starts over.</summary>
    public string TakeReport(int top = 25)
    {
        var snapshot = _bytesByType.ToArray();
        _bytesByType.Clear();
        var total = Math.Max(1, snapshot.Sum(entry => entry.Value));
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"sampled bytes: {total}");
        foreach (var (type, bytes) in snapshot.OrderByDescending(entry => entry.Value).Take(top))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{100.0 * bytes / total,6:F1}%  {type}");
        }
        return report.ToString();
    }
}
