using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.Directory.Client;
using OneStop.Directory.V1;

namespace OneStop.Appointments.Data;

/// <summary>
/// Checks directory data named in a write or a search, through the shared directory read path: organization and
/// location ids exist, and languages are languages the directory lists for a service (HSDS service languages). Only
/// ids and codes are stored here, never copies of directory data (issue: "directory ids only"). Callers skip these
/// checks when <see cref="AppointmentsOptions.ValidateDirectoryIds"/> is off.
/// </summary>
public sealed class DirectoryIds(DirectoryClient directory)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>Waits (bounded) until the client trusts the Redis read model or knows it cannot, so a batch of checks (the seed) reads Redis.</summary>
    public async Task ReadyAsync(CancellationToken ct)
    {
        try
        {
            await directory.InitializeAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        catch (TimeoutException)
        {
            // Lookups still work without Redis: they go to the Directory service.
        }
    }

    public async Task RequireOrganizationAsync(string id, string field, CancellationToken ct)
    {
        if (id.Length == 0) throw DomainException.InvalidArgument(field, "is required.");
        if (await directory.GetOrganizationAsync(id, ct) is null)
            throw DomainException.InvalidArgument(field, $"organization '{id}' is not in the directory.");
    }

    public async Task RequireLocationAsync(string id, string field, CancellationToken ct)
    {
        if (id.Length == 0) throw DomainException.InvalidArgument(field, "is required.");
        if (await directory.GetLocationAsync(id, ct) is null)
            throw DomainException.InvalidArgument(field, $"location '{id}' is not in the directory.");
    }

    /// <summary>
    /// A resource's languages come from the directory: <c>service_id</c> names a directory service of the resource's
    /// organization, and every language of the resource is one of that service's languages. A resource without
    /// languages needs no service; one named anyway must exist and belong to the organization.
    /// </summary>
    public async Task RequireResourceLanguagesAsync(Resource resource, CancellationToken ct)
    {
        if (resource.ServiceId.Length == 0)
        {
            if (resource.Languages.Count > 0)
                throw DomainException.InvalidArgument("resource.service_id",
                    "is required with resource.languages: a resource's languages are those of its directory service.");
            return;
        }
        var service = await directory.GetServiceAsync(resource.ServiceId, ct)
            ?? throw DomainException.InvalidArgument("resource.service_id", $"service '{resource.ServiceId}' is not in the directory.");
        if (service.OrganizationId != resource.OrganizationId)
            throw DomainException.InvalidArgument("resource.service_id",
                $"service '{resource.ServiceId}' belongs to organization '{service.OrganizationId}', not '{resource.OrganizationId}'.");
        var offered = Offered(service);
        for (var i = 0; i < resource.Languages.Count; i++)
        {
            if (!offered.Contains(resource.Languages[i]))
                throw DomainException.InvalidArgument($"resource.languages[{i}]",
                    $"'{resource.Languages[i]}' is not offered by directory service '{resource.ServiceId}' (it offers: {string.Join(", ", offered.Order(StringComparer.Ordinal))}).");
        }
    }

    /// <summary>The languages a directory service offers now: its languages while it is not inactive or defunct; none for a missing service.</summary>
    public async Task<IReadOnlySet<string>> LanguagesOfAsync(string serviceId, CancellationToken ct)
    {
        if (serviceId.Length == 0) return None;
        return await directory.GetServiceAsync(serviceId, ct) is { } service ? Offered(service) : None;
    }

    /// <summary>
    /// Which of the interpreters' directory services offer <paramref name="language"/>. INVALID_ARGUMENT on
    /// <paramref name="field"/> when none does: the region has no interpreting service for that language.
    /// </summary>
    public async Task<IReadOnlySet<string>> RequireInterpreterLanguageAsync(string language, IEnumerable<string> interpreterServiceIds, string field,
        CancellationToken ct)
    {
        var offering = new HashSet<string>(StringComparer.Ordinal);
        foreach (var serviceId in interpreterServiceIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if ((await LanguagesOfAsync(serviceId, ct)).Contains(language)) offering.Add(serviceId);
        }
        if (offering.Count == 0)
            throw DomainException.InvalidArgument(field, $"interpreting in '{language}' is not offered by any interpreting service of the region in the directory.");
        return offering;
    }

    private static HashSet<string> Offered(Service service) =>
        service.Status is ServiceStatus.Inactive or ServiceStatus.Defunct
            ? []
            : service.Languages.Select(l => l.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
