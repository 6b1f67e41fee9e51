using OneStop.Directory.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>
/// A directory service that may receive a client, with what routing needs from its organization.
/// <paramref name="CoversMunicipality"/> comes from the directory, which knows the region tree (a service area may
/// name a Planungsraum); the candidates read from it are searched by the client's municipality.
/// </summary>
public sealed record CandidateService(Service Service, AgencyType AgencyType, string OrganizationName, bool CoversMunicipality = true);
