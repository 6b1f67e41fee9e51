using System.Globalization;
using System.Text;

namespace OneStop.ServiceDefaults.Logging;

/// <summary>
/// A value a client sent (an id, a path, a status detail that repeats one), made safe to write into a log line:
/// cut to <see cref="MaxLength"/> characters with the full length noted, and control characters (line breaks
/// included) escaped, so a client can neither flood the log nor forge lines in it. Use it wherever a logged value
/// comes from a request.
/// </summary>
public static class LogValue
{
    public const int MaxLength = 100;

    public static string Safe(string? value) => Safe(value, MaxLength);

    /// <summary>As <see cref="Safe(string?)"/>, cut to <paramref name="maxLength"/> characters (a whole message that may repeat a value).</summary>
    public static string Safe(string? value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (value is null) return "(null)";
        var cut = value.Length > maxLength;
        var shown = cut ? value.AsSpan(0, maxLength) : value.AsSpan();
        var text = new StringBuilder(shown.Length + 24);
        foreach (var c in shown)
        {
            switch (c)
            {
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\\': text.Append("\\\\"); break;
                default:
                    // Other control and format characters (NUL, ESC, bidi overrides) are shown as code points.
                    if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        if (cut) text.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        return text.ToString();
    }
}
