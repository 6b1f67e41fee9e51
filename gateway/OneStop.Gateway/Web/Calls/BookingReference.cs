using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// Pseudonymous client ids the web front makes: the public booking reference ("OS-" + 10 characters a person can
/// read out, no 0/O or 1/I) and a suggested id for the front desk. Never derived from a name.
/// </summary>
public static partial class BookingReference
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewPublic() => "OS-" + RandomNumberGenerator.GetString(Alphabet, 10);

    public static string NewClientId() => "C-" + RandomNumberGenerator.GetString(Alphabet, 10);

    /// <summary>The appointments service's rule for client ids: 8 to 64 letters, digits, '-' or '_'.</summary>
    public static bool IsValidClientId(string? value) => value is not null && ClientIdPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex ClientIdPattern();
}
