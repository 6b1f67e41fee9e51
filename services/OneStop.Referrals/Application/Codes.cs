using System.Globalization;

namespace OneStop.Referrals.Application;

/// <summary>Code lists stored as comma-separated text: enums by their proto number, ids and language codes as they are.</summary>
public static class Codes
{
    public static string Join<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        string.Join(',', values.Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).Distinct());

    public static List<TEnum> Split<TEnum>(string text) where TEnum : struct, Enum =>
        text.Length == 0 ? [] : text.Split(',').Select(v => (TEnum)Enum.ToObject(typeof(TEnum), int.Parse(v, CultureInfo.InvariantCulture))).ToList();

    public static string JoinIds(IEnumerable<string> ids) => string.Join(',', ids.Distinct(StringComparer.Ordinal));

    public static List<string> SplitIds(string text) => text.Length == 0 ? [] : [.. text.Split(',')];
}
