using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// A <see cref="SearchServicesRequest"/>'s filters prepared once per search (masks, folded words, local time),
/// with <see cref="Matches"/> the per-service test. All filters combine with AND; repeated ones are any-of.
/// </summary>
internal sealed class SearchQuery
{
    private bool _filterTopics;
    private ulong _topics;
    private string? _language;
    private string[]? _areaCodes;
    private int? _age;
    private bool _filterAgencyTypes;
    private ulong _agencyTypes;
    private bool _filterAttendingTypes;
    private ulong _attendingTypes;
    private LocalMinute? _openAt;
    private string[] _words = [];
    private bool _includeInactive;

    public static SearchQuery From(SearchServicesRequest request, RegionAncestry regions)
    {
        var query = new SearchQuery
        {
            _filterTopics = request.Topics.Count > 0,
            _topics = EnumMask.Of(request.Topics),
            _language = string.IsNullOrWhiteSpace(request.Language) ? null : request.Language.Trim(),
            _areaCodes = string.IsNullOrWhiteSpace(request.MunicipalityAgs) ? null : regions.CoveringCodes(request.MunicipalityAgs.Trim()),
            _age = request.HasAge ? request.Age : null,
            _filterAgencyTypes = request.AgencyTypes.Count > 0,
            _agencyTypes = EnumMask.Of(request.AgencyTypes),
            _filterAttendingTypes = request.AttendingTypes.Count > 0,
            _attendingTypes = EnumMask.Of(request.AttendingTypes),
            _openAt = request.OpenAt is null ? null : OpeningHoursEvaluator.ToLocal(request.OpenAt.ToDateTimeOffset()),
            _words = SearchText.Words(SearchText.Fold(request.Text)),
            _includeInactive = request.IncludeInactive,
        };
        return query;
    }

    // Cheapest tests first: most searches are decided by a mask or a flag before any text is scanned.
    public bool Matches(IndexedService service)
    {
        if (!_includeInactive && !service.IsActive)
        {
            return false;
        }
        if (_filterTopics && (service.TopicMask & _topics) == 0)
        {
            return false;
        }
        if (_filterAgencyTypes && (service.AgencyTypeMask & _agencyTypes) == 0)
        {
            return false;
        }
        if (_filterAttendingTypes && (service.AttendingTypeMask & _attendingTypes) == 0)
        {
            return false;
        }
        if (_age is { } age && !AgeFits(service, age))
        {
            return false;
        }
        if (_language is not null && !OffersLanguage(service, _language))
        {
            return false;
        }
        if (_areaCodes is not null && !CoversArea(service, _areaCodes))
        {
            return false;
        }
        if (_openAt is { } openAt && !OpeningHoursEvaluator.IsOpen(service.Schedules, openAt))
        {
            return false;
        }
        return ContainsAllWords(service.SearchableText);
    }

    /// <summary>minimum_age is inclusive; maximum_age is inclusive unless its bound is EXCLUSIVE (JMD: under 27).</summary>
    internal static bool AgeFits(IndexedService service, int age)
    {
        if (service.MinimumAge is { } minimum && age < minimum)
        {
            return false;
        }
        if (service.MaximumAge is { } maximum && (service.MaximumAgeExclusive ? age >= maximum : age > maximum))
        {
            return false;
        }
        return true;
    }

    private static bool OffersLanguage(IndexedService service, string language)
    {
        foreach (var offered in service.Languages)
        {
            if (offered.Equals(language, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // No service areas means "area unknown", which must not be shown as serving a particular Gemeinde.
    private static bool CoversArea(IndexedService service, string[] codes)
    {
        foreach (var code in codes)
        {
            if (service.AreaCodes.Contains(code))
            {
                return true;
            }
        }
        return false;
    }

    private bool ContainsAllWords(string text)
    {
        foreach (var word in _words)
        {
            if (!text.Contains(word, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
