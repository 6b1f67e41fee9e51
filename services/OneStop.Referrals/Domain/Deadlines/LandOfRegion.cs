namespace OneStop.Referrals.Domain.Deadlines;

/// <summary>
/// The Land of a region from its AGS: the first two digits are the Land's key (05 is Nordrhein-Westfalen), so the
/// receiving service's public holidays follow from the region the referral belongs to.
/// </summary>
public static class LandOfRegion
{
    private static readonly string[] Lands = ["SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH"];

    /// <summary>"NW" for "05554"; null when the AGS does not start with a Land key 01..16.</summary>
    public static string? Of(string regionAgs) =>
        regionAgs.Length >= 2 && int.TryParse(regionAgs.AsSpan(0, 2), out var key) && key is >= 1 and <= 16 ? Lands[key - 1] : null;
}
