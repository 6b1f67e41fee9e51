using System.Text;

namespace OneStop.Appointments.Domain;

/// <summary>RFC 5545 content-line mechanics: TEXT escaping (§3.3.11) and folding to 75 octets (§3.1).</summary>
public static class IcsText
{
    public const string LineBreak = "\r\n";
    public const int MaxLineOctets = 75;

    /// <summary>Escapes a TEXT value: backslash, semicolon, comma and newlines; other control characters are dropped.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++; // CRLF is one newline
                    }
                    break;
                case '\n': escaped.Append(@"\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        escaped.Append(c);
                    }
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Appends one content line, folded so that no physical line exceeds 75 octets of UTF-8 (continuations start
    /// with one space, which counts), never splitting a multi-byte character, each ended by CRLF.
    /// </summary>
    public static void AppendFolded(StringBuilder output, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var position = 0;
        var limit = MaxLineOctets;
        while (bytes.Length - position > limit)
        {
            var cut = position + limit;
            while ((bytes[cut] & 0b1100_0000) == 0b1000_0000)
            {
                cut--; // a UTF-8 continuation byte: keep the character whole
            }
            output.Append(Encoding.UTF8.GetString(bytes, position, cut - position)).Append(LineBreak).Append(' ');
            position = cut;
            limit = MaxLineOctets - 1;
        }
        output.Append(Encoding.UTF8.GetString(bytes, position, bytes.Length - position)).Append(LineBreak);
    }
}
