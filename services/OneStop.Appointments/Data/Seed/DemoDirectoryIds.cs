namespace OneStop.Appointments.Data.Seed;

/// <summary>
/// Directory ids of the demo county (services/OneStop.Directory/Data/Seed), repeated here as constants because a
/// service never references another service's project. If the directory's demo ids change, change them here too.
/// </summary>
public static class DemoDirectoryIds
{
    public const string KreisAgs = "05766";

    public const string IntegrationPoint = "org-ip-lippe";
    public const string Auslaenderbehoerde = "org-abh-lippe";
    public const string AgenturFuerArbeit = "org-aa-detmold";
    public const string Jobcenter = "org-jc-lippe";
    public const string WelcomeCenter = "org-wc-lippe";
    public const string MbeCaritas = "org-mbe-caritas-lippe";
    public const string JmdDiakonie = "org-jmd-diakonie-lippe";
    public const string MbeAwo = "org-mbe-awo-lippe";
    public const string JmdDrk = "org-jmd-drk-lippe";
    public const string IqBeratung = "org-iq-owl";
    public const string Ihk = "org-ihk-lippe";
    public const string Hwk = "org-hwk-owl";
    public const string IntegrationsbueroDetmold = "org-ib-detmold";

    // Services whose HSDS languages the demo resources offer (the interpreters': the Integration Point's Sprachmittlung).
    public const string InterpretingService = "svc-ip-sprachmittlung";
    public const string IntegrationPointService = "svc-ip-erstberatung";
    public const string ResidenceService = "svc-abh-aufenthaltstitel";
    public const string AgenturService = "svc-aa-internationale-fachkraefte";
    public const string JobcenterService = "svc-jc-eingliederung";
    public const string WelcomeCenterService = "svc-wc-ankommen";
    public const string MbeCaritasService = "svc-mbe-detmold";
    public const string MbeAwoService = "svc-mbe-lemgo";
    public const string JmdDiakonieService = "svc-jmd-detmold";
    public const string JmdDrkService = "svc-jmd-bad-salzuflen";
    public const string IqService = "svc-iq-anerkennungsberatung";
    public const string IhkService = "svc-ihk-anerkennung";
    public const string HwkService = "svc-hwk-anerkennung";
    public const string IntegrationsbueroService = "svc-ib-detmold-integrationslotsen";

    public const string Kreishaus = "loc-kreishaus-detmold";
    public const string AgenturDetmold = "loc-aa-detmold";
    public const string JobcenterDetmold = "loc-jc-detmold";
    public const string JobcenterBadSalzuflen = "loc-jc-bad-salzuflen";
    public const string CaritasDetmold = "loc-caritas-detmold";
    public const string DiakonieDetmold = "loc-diakonie-detmold";
    public const string AwoLemgo = "loc-awo-lemgo";
    public const string DrkBadSalzuflen = "loc-drk-bad-salzuflen";
    public const string IqDetmold = "loc-iq-detmold";
    public const string IhkDetmold = "loc-ihk-detmold";
    public const string HwkBeratungDetmold = "loc-hwk-detmold";
    public const string RathausDetmold = "loc-rathaus-detmold";
}
