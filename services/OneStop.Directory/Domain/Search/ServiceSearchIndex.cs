using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// An immutable, in-memory snapshot of the directory's services, prepared for SearchServices. Build a new one when
/// the data changes and swap it in; searching one never blocks and never sees half an update.
/// Everything that can be computed without the request (folded text, masks, parsed schedules, the result order)
/// is computed in <see cref="Build"/>, so a search over thousands of services is a single allocation-light loop.
/// </summary>
public sealed class ServiceSearchIndex
{
    /// <summary>The page size used when the request gives 0.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page a search returns, whatever the request asks.</summary>
    public const int MaxPageSize = 100;

    private readonly IndexedService[] _services; // in result order (SearchOrder)
    private readonly RegionAncestry _regions;

    private ServiceSearchIndex(IndexedService[] services, RegionAncestry regions)
    {
        _services = services;
        _regions = regions;
    }

    /// <summary>The number of services in the snapshot, whatever their status.</summary>
    public int Count => _services.Length;

    /// <summary>An index with no services, for a directory not loaded yet.</summary>
    public static ServiceSearchIndex Empty { get; } = Build([], [], []);

    /// <summary>Builds a snapshot. The services are cloned, so later changes to the inputs do not leak in.</summary>
    public static ServiceSearchIndex Build(
        IReadOnlyCollection<Service> services,
        IReadOnlyCollection<Organization> organizations,
        IReadOnlyCollection<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(regions);

        var agencyTypeOf = new Dictionary<string, AgencyType>(StringComparer.Ordinal);
        foreach (var organization in organizations)
        {
            agencyTypeOf[organization.Id] = organization.AgencyType;
        }

        var indexed = new IndexedService[services.Count];
        var i = 0;
        foreach (var service in services)
        {
            var agencyType = agencyTypeOf.GetValueOrDefault(service.OrganizationId, AgencyType.Unspecified);
            indexed[i++] = IndexedService.Create(service.Clone(), agencyType);
        }
        Array.Sort(indexed, (a, b) => SearchOrder.Compare(a.Name, a.Id, b.Name, b.Id));

        return new ServiceSearchIndex(indexed, RegionAncestry.Build(regions));
    }

    /// <summary>
    /// Finds the services matching every filter of <paramref name="request"/>, one page at a time, texts in the
    /// request's response_language (German fallback). The caller has validated ranges (page_size, AGS format, age);
    /// a page_token that is malformed or was issued for other filters is INVALID_ARGUMENT naming page_token.
    /// </summary>
    /// <param name="now">The caller's clock reading. Results do not depend on it today (open_at is explicit), but
    /// it is part of the signature so time-relative rules can be added without changing callers.</param>
    public SearchServicesResponse Search(SearchServicesRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = FilterFingerprint.Of(request);
        var start = 0;
        if (request.PageToken.Length > 0)
        {
            var token = PageToken.Decode(request.PageToken);
            if (token.FilterFingerprint != fingerprint)
            {
                throw PageToken.Invalid("was issued for a search with different filters");
            }
            start = FirstIndexAfter(token.LastName, token.LastId);
        }

        var pageSize = request.PageSize <= 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var query = SearchQuery.From(request, _regions);
        var response = new SearchServicesResponse();
        var total = 0;
        IndexedService? lastOnPage = null;
        var moreAfterPage = false;

        for (var i = 0; i < _services.Length; i++)
        {
            var service = _services[i];
            if (!query.Matches(service))
            {
                continue;
            }
            total++;
            if (i < start)
            {
                continue;
            }
            if (response.Services.Count < pageSize)
            {
                response.Services.Add(Localizer.Localize(service.Source, request.ResponseLanguage));
                lastOnPage = service;
            }
            else
            {
                moreAfterPage = true;
            }
        }

        response.TotalSize = total;
        if (moreAfterPage && lastOnPage is not null)
        {
            response.NextPageToken = new PageToken(fingerprint, lastOnPage.Name, lastOnPage.Id).Encode();
        }
        return response;
    }

    /// <summary>The index of the first service ordered after (name, id): where the next page starts. A binary search,
    /// so it works even when that service has since been removed from the directory.</summary>
    private int FirstIndexAfter(string name, string id)
    {
        int low = 0, high = _services.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            var service = _services[middle];
            if (SearchOrder.Compare(service.Name, service.Id, name, id) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
