using Grpc.Core;
using OneStop.Directory.Client;
using OneStop.Directory.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>
/// Reads routing candidates from the directory: the active services of the agency types the rules route to whose
/// service area covers a municipality (the directory's search resolves the region tree), and their organizations
/// through the shared <see cref="DirectoryClient"/> read path (in-process cache → Redis → Directory gRPC).
/// The search itself is not cached: the directory answers it from its in-memory index.
/// </summary>
public sealed class DirectoryCandidates(DirectoryService.DirectoryServiceClient directory, DirectoryClient cache)
{
    private const int PageSize = 100;
    private const int MaxPages = 10;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <exception cref="RpcException">UNAVAILABLE when the directory cannot be read.</exception>
    public async Task<IReadOnlyList<CandidateService>> InAsync(string municipalityAgs, string responseLanguage, CancellationToken ct)
    {
        var request = new SearchServicesRequest { MunicipalityAgs = municipalityAgs, ResponseLanguage = responseLanguage, PageSize = PageSize };
        request.AgencyTypes.Add(RoutingRules.Receivers);
        var candidates = new List<CandidateService>();
        try
        {
            for (var page = 0; page < MaxPages; page++)
            {
                var response = await directory.SearchServicesAsync(request, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
                foreach (var service in response.Services)
                {
                    if (await cache.GetOrganizationAsync(service.OrganizationId, ct) is not { } organization) continue;
                    candidates.Add(new CandidateService(service, organization.AgencyType, organization.Name));
                }
                if (response.NextPageToken.Length == 0) break;
                request.PageToken = response.NextPageToken;
            }
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The directory could not be read ({ex.StatusCode}); try again."));
        }
        return candidates;
    }
}
