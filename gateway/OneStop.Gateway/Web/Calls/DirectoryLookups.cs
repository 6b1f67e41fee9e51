using Grpc.Core;
using Microsoft.Extensions.Options;
using OneStop.Directory.Client;
using OneStop.Directory.V1;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// The choice lists of the forms, read from the directory: the county's municipalities, its agencies and their
/// locations. Names are looked up through the shared <see cref="DirectoryClient"/> read path (cached).
/// </summary>
public sealed class DirectoryLookups(ServiceClients clients, DirectoryClient directory, IOptions<WebFrontOptions> options)
{
    public sealed record Choice(string Id, string Name);

    /// <summary>The Gemeinden of the county (below its Planungsräume, or directly below it), by name.</summary>
    public async Task<IReadOnlyList<Choice>> MunicipalitiesAsync(CancellationToken ct)
    {
        var result = new List<Choice>();
        var pending = new Queue<string>([options.Value.RegionAgs]);
        while (pending.Count > 0 && result.Count < 500)
        {
            var children = await clients.Directory.ListRegionsAsync(new ListRegionsRequest { ParentAgs = pending.Dequeue() }, deadline: Deadline(), cancellationToken: ct);
            foreach (var region in children.Regions)
            {
                if (region.Level == RegionLevel.Gemeinde) result.Add(new Choice(region.Ags, region.Name));
                else pending.Enqueue(region.Ags);
            }
        }
        return [.. result.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Agencies that offer services in the county, by name in the current language.</summary>
    public async Task<IReadOnlyList<Choice>> AgenciesAsync(CancellationToken ct)
    {
        var services = await AllServicesAsync(ct);
        var choices = new List<Choice>();
        foreach (var id in services.Select(s => s.OrganizationId).Distinct())
        {
            if (await directory.GetOrganizationAsync(id, ct) is { } organization)
                choices.Add(new Choice(id, DirectoryTexts.Name(organization, Languages.Current)));
        }
        return [.. choices.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Physical locations where the county's services are offered, by name.</summary>
    public async Task<IReadOnlyList<Choice>> LocationsAsync(CancellationToken ct)
    {
        var services = await AllServicesAsync(ct);
        var choices = new List<Choice>();
        foreach (var id in services.SelectMany(s => s.Schedules).Select(s => s.LocationId).Where(id => id.Length > 0).Distinct())
        {
            if (await directory.GetLocationAsync(id, ct) is { LocationType: not LocationType.Virtual } location)
                choices.Add(new Choice(id, DirectoryTexts.Name(location, Languages.Current)));
        }
        return [.. choices.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// The county's services a referral can go to, by name in the current language, each with its agency
    /// ("Migrationsberatung – Caritas"), so the front desk picks a receiving service from the directory itself.
    /// </summary>
    public async Task<IReadOnlyList<Choice>> ReceivingServicesAsync(CancellationToken ct)
    {
        var services = await AllServicesAsync(ct);
        var choices = new List<Choice>();
        foreach (var service in services)
            choices.Add(new Choice(service.Id, $"{DirectoryTexts.For(service, Languages.Current).Name} – {await OrganizationNameAsync(service.OrganizationId, ct)}"));
        return [.. choices.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The organization of a directory service (empty when the directory does not know it).</summary>
    public async Task<string> OrganizationOfServiceAsync(string serviceId, CancellationToken ct) =>
        serviceId.Length > 0 && await directory.GetServiceAsync(serviceId, ct) is { } s ? s.OrganizationId : "";

    public async Task<string> ServiceNameAsync(string id, CancellationToken ct) =>
        id.Length > 0 && await directory.GetServiceAsync(id, ct) is { } s ? DirectoryTexts.For(s, Languages.Current).Name : id;

    public async Task<string> OrganizationNameAsync(string id, CancellationToken ct) =>
        id.Length > 0 && await directory.GetOrganizationAsync(id, ct) is { } o ? DirectoryTexts.Name(o, Languages.Current) : id;

    public async Task<string> LocationNameAsync(string id, CancellationToken ct) =>
        id.Length > 0 && await directory.GetLocationAsync(id, ct) is { } l ? DirectoryTexts.Name(l, Languages.Current) : id;

    private async Task<List<Service>> AllServicesAsync(CancellationToken ct)
    {
        var services = new List<Service>();
        var request = new SearchServicesRequest { PageSize = 100 };
        do
        {
            var page = await clients.Directory.SearchServicesAsync(request, deadline: Deadline(), cancellationToken: ct);
            services.AddRange(page.Services);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0 && services.Count < 1000);
        return services;
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(5);
}
