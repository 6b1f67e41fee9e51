using System.Text;

namespace OneStop.Gateway.Forwarding.Protocol;

/// <summary>
/// <c>grpc-message</c> is UTF-8, percent-encoded: bytes outside printable ASCII and '%' itself become %XX.
/// Decoding is lenient by design: a malformed escape is kept literally, never an error.
/// </summary>
public static class PercentEncoding
{
    public static string Encode(string value)
    {
        if (!NeedsEncoding(value)) return value;
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%') builder.Append((char)b);
            else builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
        }
        return builder.ToString();
    }

    public static string Decode(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.IndexOf('%') < 0) return value;
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && TryHex(value[i + 1], out var hi) && TryHex(value[i + 2], out var lo))
            {
                bytes.Add((byte)(hi << 4 | lo));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                // Not valid on the wire, but be forgiving: keep the character as UTF-8.
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        // Invalid UTF-8 becomes U+FFFD rather than an exception.
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E || c == '%') return true;
        }
        return false;
    }

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
