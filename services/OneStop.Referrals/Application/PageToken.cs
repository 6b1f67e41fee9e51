using System.Buffers.Text;
using System.Globalization;
using System.Text;
using OneStop.Referrals.Domain;

namespace OneStop.Referrals.Application;

/// <summary>
/// Keyset paging: a token is the sort key of the last row returned (an instant and an id), so the next page starts
/// right after it however many rows were added since, without OFFSET scans.
/// </summary>
public readonly record struct PageToken(DateTime At, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{At.Ticks}|{Id}")));

    public static PageToken? Decode(string token)
    {
        if (token.Length == 0) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|', 2);
            return new PageToken(new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeKind.Utc), parts[1]);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw DomainException.InvalidArgument("page_token", "is not a token this service returned");
        }
    }

    /// <summary>1..<paramref name="max"/>; 0 means <paramref name="fallback"/>.</summary>
    public static int Size(int requested, int fallback, int max)
    {
        if (requested < 0 || requested > max) throw DomainException.InvalidArgument("page_size", $"must be 0..{max}, got {requested}");
        return requested == 0 ? fallback : requested;
    }
}
