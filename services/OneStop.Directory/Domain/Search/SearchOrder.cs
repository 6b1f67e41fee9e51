namespace OneStop.Directory.Domain.Search;

/// <summary>
/// The one order search results come in: German name (ordinal, ignoring case), then id. Ordinal rather than
/// culture-aware so the order, and with it every page token, is the same on every host and culture setting.
/// </summary>
internal static class SearchOrder
{
    public static int Compare(string nameA, string idA, string nameB, string idB)
    {
        var byName = string.Compare(nameA, nameB, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(idA, idB);
    }
}
