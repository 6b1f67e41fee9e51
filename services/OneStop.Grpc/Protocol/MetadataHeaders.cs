using Grpc.Core;

namespace OneStop.Grpc.Protocol;

/// <summary>Converts between <see cref="Metadata"/> and HTTP/2 header values; <c>-bin</c> values travel as base64.</summary>
public static class MetadataHeaders
{
    /// <summary>Un-padded base64, as the spec recommends emitting.</summary>
    public static string EncodeBinary(ReadOnlySpan<byte> value) => Convert.ToBase64String(value).TrimEnd('=');

    /// <summary>Accepts padded and un-padded base64; false when the text is not base64.</summary>
    public static bool TryDecodeBinary(string text, out byte[] value)
    {
        var trimmed = text.Trim();
        var padding = (4 - trimmed.Length % 4) % 4;
        if (padding == 3) { value = []; return false; }
        try
        {
            value = Convert.FromBase64String(padding == 0 ? trimmed : trimmed + new string('=', padding));
            return true;
        }
        catch (FormatException)
        {
            value = [];
            return false;
        }
    }

    /// <summary>The header value to send for one entry.</summary>
    public static string ToHeaderValue(Metadata.Entry entry) => entry.IsBinary ? EncodeBinary(entry.RawBytes) : entry.Value;

    /// <summary>
    /// Adds one received header to <paramref name="metadata"/>. Binary values may arrive comma-joined by intermediaries.
    /// Returns false for a malformed binary value; headers that are not valid metadata keys are skipped.
    /// </summary>
    public static bool TryAdd(Metadata metadata, string name, string? value)
    {
        // HTTP/2 names are lower-case on the wire, but Kestrel presents known headers as "Content-Type".
        name = KnownHeaderNames.ToLowerInvariant(name);
        if (value is null || GrpcProtocol.IsReservedHeader(name)) return true;
        try
        {
            if (Metadata.Entry.IsBinaryKey(name))
            {
                foreach (var part in value.Split(','))
                {
                    if (!TryDecodeBinary(part, out var bytes)) return false;
                    metadata.Add(new Metadata.Entry(name, bytes));
                }
            }
            else
            {
                metadata.Add(new Metadata.Entry(name, value));
            }
        }
        catch (ArgumentException)
        {
            // A header name or value outside gRPC's metadata alphabet: not application metadata.
        }
        return true;
    }
}
