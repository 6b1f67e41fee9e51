using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>What routing knows of one person, with the age already computed (see <see cref="Ages"/>).</summary>
public sealed record ClientFacts(string ClientRef, int Age, string MunicipalityAgs)
{
    public ResidenceStatus ResidenceStatus { get; init; }
    public RoutingLegalRegime LegalRegime { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public bool ChildrenUnder6 { get; init; }
    public RoutingQualification ForeignQualification { get; init; }
    public bool SkilledImmigration { get; init; }

    /// <summary>Why an adult under 27 should go to the MBE; empty when none was given.</summary>
    public string Under27Reason { get; init; } = "";
}
