namespace OneStop.Directory.Domain.Search;

/// <summary>
/// Sets of small enum values as 64-bit masks, so "any of these topics" is one AND in the search loop.
/// Values outside 0..63 (unknown to this build) map to no bit: they match nothing rather than something wrong.
/// </summary>
internal static class EnumMask
{
    public static ulong Bit(int value) => value is >= 0 and < 64 ? 1UL << value : 0;

    public static ulong Of<TEnum>(IEnumerable<TEnum> values) where TEnum : struct, Enum
    {
        ulong mask = 0;
        foreach (var value in values)
        {
            mask |= Bit(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return mask;
    }
}
