using OneStop.Directory.Data.Seed;
using OneStop.Directory.V1;
using OneStop.Referrals.Domain.Routing;

namespace OneStop.Referrals.Tests.Routing;

/// <summary>
/// The demo county's services as routing candidates for one Gemeinde, without a host: what the directory's search
/// returns for that municipality, built from the same seed. The demo's service areas name Gemeinden or the Kreis.
/// </summary>
public static class DemoCandidates
{
    public const string Detmold = DemoRegions.Detmold;
    public const string Lemgo = DemoRegions.Lemgo;

    public static IReadOnlyList<CandidateService> In(string municipalityAgs)
    {
        var organizations = DemoCounty.Organizations.ToDictionary(o => o.Id);
        return
        [
            .. DemoCounty.Services
                .Where(s => s.Status == ServiceStatus.Active)
                .Where(s => s.ServiceAreas.SelectMany(a => a.MunicipalityAgs).Any(code => municipalityAgs.StartsWith(code, StringComparison.Ordinal)))
                .Select(s => new CandidateService(s, organizations[s.OrganizationId].AgencyType, organizations[s.OrganizationId].Name)),
        ];
    }
}
