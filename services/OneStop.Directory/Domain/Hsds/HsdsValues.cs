using System.Globalization;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>
/// The text forms HSDS JSON uses for our values: ISO dates ("2026-09-15"), RFC 3339 instants with up to nanosecond
/// precision (so an export/import round trip keeps Timestamps exact), and enum values as the proto name without its
/// prefix in lower case (AGENCY_TYPE_JMD → "jmd"), which stays readable and survives enum renumbering.
/// </summary>
internal static class HsdsValues
{
    public static string FormatDate(Date date) =>
        $"{date.Year.ToString("D4", CultureInfo.InvariantCulture)}-{date.Month.ToString("D2", CultureInfo.InvariantCulture)}-{date.Day.ToString("D2", CultureInfo.InvariantCulture)}";

    public static Date? ParseDate(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 3 || parts[0].Length != 4 || parts[1].Length != 2 || parts[2].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return null;
        }
        return new Date { Year = year, Month = month, Day = day };
    }

    public static string FormatTimestamp(Timestamp timestamp)
    {
        var utc = DateTimeOffset.FromUnixTimeSeconds(timestamp.Seconds).UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (timestamp.Nanos != 0)
        {
            text += "." + timestamp.Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }
        return text + "Z";
    }

    public static Timestamp? ParseTimestamp(string text)
    {
        // Split "2026-10-01T08:00:00.123Z" into the seconds part, the fraction and the offset.
        var offsetStart = text.Length > 19 ? text.IndexOfAny(['Z', 'z', '+', '-'], 19) : -1;
        if (text.Length < 20 || offsetStart < 0)
        {
            return null;
        }
        var offset = text[offsetStart..] is "Z" or "z" ? "+00:00" : text[offsetStart..];
        var fraction = text[19..offsetStart];
        var nanos = 0;
        if (fraction.Length > 0)
        {
            var digits = fraction[1..];
            if (fraction[0] != '.' || digits.Length is < 1 or > 9
                || !int.TryParse(digits.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture, out nanos))
            {
                return null;
            }
        }
        if (!DateTimeOffset.TryParseExact(text[..19] + offset, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var instant))
        {
            return null;
        }
        return new Timestamp { Seconds = instant.ToUnixTimeSeconds(), Nanos = nanos };
    }

    public static string FormatEnum<TEnum>(TEnum value) where TEnum : struct, System.Enum
    {
        var names = EnumNames<TEnum>.Instance;
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        return names.ByNumber.TryGetValue(number, out var name) ? name : number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a short enum name, or a number for values this build does not know; null when neither.</summary>
    public static TEnum? ParseEnum<TEnum>(string text) where TEnum : struct, System.Enum
    {
        var names = EnumNames<TEnum>.Instance;
        if (names.ByName.TryGetValue(text, out var number)
            || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return (TEnum)System.Enum.ToObject(typeof(TEnum), number);
        }
        return null;
    }

    /// <summary>Short names of one contract enum, read once from the proto descriptor.</summary>
    private sealed class EnumNames<TEnum> where TEnum : struct, System.Enum
    {
        public static readonly EnumNames<TEnum> Instance = new();

        public Dictionary<int, string> ByNumber { get; } = [];
        public Dictionary<string, int> ByName { get; } = new(StringComparer.OrdinalIgnoreCase);

        private EnumNames()
        {
            var descriptor = DirectoryReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(TEnum));
            var prefix = PrefixOf(descriptor);
            foreach (var value in descriptor.Values)
            {
                var shortName = value.Name.StartsWith(prefix, StringComparison.Ordinal) ? value.Name[prefix.Length..] : value.Name;
                shortName = shortName.ToLowerInvariant();
                ByNumber[value.Number] = shortName;
                ByName[shortName] = value.Number;
            }
        }

        // The zero value is always "<PREFIX>UNSPECIFIED" in this contract.
        private static string PrefixOf(EnumDescriptor descriptor)
        {
            var zero = descriptor.FindValueByNumber(0)?.Name ?? "";
            return zero.EndsWith("UNSPECIFIED", StringComparison.Ordinal) ? zero[..^"UNSPECIFIED".Length] : "";
        }
    }
}
