using System.Text;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// A stable 64-bit fingerprint (FNV-1a) of the request fields that decide which services match. Stable across
/// processes and restarts, unlike string.GetHashCode, because a token may come back to another replica.
/// page_size and response_language are left out on purpose: changing them between pages is harmless.
/// </summary>
internal static class FilterFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(SearchServicesRequest request)
    {
        var canonical = new StringBuilder();
        canonical.Append("topics=");
        foreach (var topic in request.Topics.Select(t => (int)t).Order())
        {
            canonical.Append(topic).Append(',');
        }
        canonical.Append("|language=").Append(request.Language.Trim().ToLowerInvariant());
        canonical.Append("|ags=").Append(request.MunicipalityAgs.Trim());
        canonical.Append("|age=").Append(request.HasAge ? request.Age.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-");
        canonical.Append("|agency=");
        foreach (var type in request.AgencyTypes.Select(t => (int)t).Order())
        {
            canonical.Append(type).Append(',');
        }
        canonical.Append("|attending=");
        foreach (var type in request.AttendingTypes.Select(t => (int)t).Order())
        {
            canonical.Append(type).Append(',');
        }
        canonical.Append("|open_at=");
        if (request.OpenAt is { } openAt)
        {
            canonical.Append(openAt.Seconds).Append('.').Append(openAt.Nanos);
        }
        canonical.Append("|text=").Append(SearchText.Fold(request.Text.Trim()));
        canonical.Append("|inactive=").Append(request.IncludeInactive ? '1' : '0');

        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(canonical.ToString()))
        {
            hash = (hash ^ b) * Prime;
        }
        return hash;
    }
}
