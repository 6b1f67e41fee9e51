using System.Globalization;

namespace OneStop.Gateway.Forwarding.Protocol;

/// <summary>The <c>grpc-timeout</c> header: 1 to 8 ASCII digits followed by a unit (H, M, S, m, u, n).</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? text, out TimeSpan timeout)
    {
        timeout = default;
        if (text is null || text.Length < 2 || text.Length > 9) return false;
        long value = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        long ticks;
        switch (text[^1])
        {
            case 'H': ticks = value * TimeSpan.TicksPerHour; break;
            case 'M': ticks = value * TimeSpan.TicksPerMinute; break;
            case 'S': ticks = value * TimeSpan.TicksPerSecond; break;
            case 'm': ticks = value * TimeSpan.TicksPerMillisecond; break;
            case 'u': ticks = value * TimeSpan.TicksPerMicrosecond; break;
            // One tick is 100 ns; round up so a tiny timeout never becomes "no time at all" by truncation alone.
            case 'n': ticks = (value + 99) / 100; break;
            default: return false;
        }
        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>The shortest exact-or-rounded-up encoding that fits in 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        if (ticks * 100 <= MaxValue) return Encode(ticks * 100, 'n');
        if (Fits(ticks, TimeSpan.TicksPerMicrosecond, out var v)) return Encode(v, 'u');
        if (Fits(ticks, TimeSpan.TicksPerMillisecond, out v)) return Encode(v, 'm');
        if (Fits(ticks, TimeSpan.TicksPerSecond, out v)) return Encode(v, 'S');
        if (Fits(ticks, TimeSpan.TicksPerMinute, out v)) return Encode(v, 'M');
        return Encode(Math.Min(MaxValue, CeilDiv(ticks, TimeSpan.TicksPerHour)), 'H');
    }

    private static bool Fits(long ticks, long ticksPerUnit, out long value)
    {
        value = CeilDiv(ticks, ticksPerUnit);
        return value <= MaxValue;
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static string Encode(long value, char unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
