using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Routing;

/// <summary>The words a counsellor knows for the coded facts, as the reasons show them.</summary>
public static class FactNames
{
    public static string Of(ResidenceStatus status) => status switch
    {
        ResidenceStatus.AsylumSeeker => "Gestattung",
        ResidenceStatus.Tolerated => "Duldung",
        ResidenceStatus.ResidencePermit => "Aufenthaltserlaubnis",
        ResidenceStatus.SettlementPermit => "Niederlassungserlaubnis",
        ResidenceStatus.EuFreedomOfMovement => "EU freedom of movement",
        ResidenceStatus.SkilledWorkerVisa => "skilled worker visa",
        ResidenceStatus.TemporaryProtection => "temporary protection (§ 24 AufenthG)",
        ResidenceStatus.GermanCitizen => "German citizen",
        _ => "not given",
    };

    public static string Of(RoutingLegalRegime regime) => regime switch
    {
        RoutingLegalRegime.Asylblg => "AsylbLG",
        RoutingLegalRegime.SgbIi => "SGB II",
        RoutingLegalRegime.SgbIii => "SGB III",
        _ => "not given",
    };

    public static string Of(RoutingQualification qualification) => qualification switch
    {
        RoutingQualification.Vocational => "vocational",
        RoutingQualification.Academic => "academic",
        _ => "none",
    };
}
