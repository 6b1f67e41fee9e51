using OneStop.Directory.V1;
using static OneStop.Directory.Data.Seed.DemoValues;
using O = OneStop.Directory.Data.Seed.DemoOrganizations;
using R = OneStop.Directory.Data.Seed.DemoRegions;

namespace OneStop.Directory.Data.Seed;

/// <summary>
/// Where the demo agencies receive people. Town, postcode and coordinates are real for each town; street addresses
/// of fictional branches are illustrative.
/// </summary>
public static class DemoLocations
{
    public const string Kreishaus = "loc-kreishaus-detmold";
    public const string AgenturDetmold = "loc-aa-detmold";
    public const string JobcenterDetmold = "loc-jc-detmold";
    public const string JobcenterBadSalzuflen = "loc-jc-bad-salzuflen";
    public const string CaritasDetmold = "loc-caritas-detmold";
    public const string AwoLemgo = "loc-awo-lemgo";
    public const string DiakonieDetmold = "loc-diakonie-detmold";
    public const string DrkBadSalzuflen = "loc-drk-bad-salzuflen";
    public const string IqDetmold = "loc-iq-detmold";
    public const string IhkDetmold = "loc-ihk-detmold";
    public const string HwkBeratungDetmold = "loc-hwk-detmold";
    public const string VhsLage = "loc-vhs-lage";
    public const string SprachinstitutLemgo = "loc-sprachinstitut-lemgo";
    public const string IkvDetmold = "loc-ikv-detmold";
    public const string RathausDetmold = "loc-rathaus-detmold";
    public const string Online = "loc-online-lippe";

    private static readonly Accessibility StepFree = new()
    {
        WheelchairAccessible = true, StepFreeEntrance = true, AccessibleToilet = true, HearingLoop = false,
        Description = "Stufenloser Eingang, Aufzug, barrierefreies WC.",
    };

    private static readonly Accessibility StepFreeWithLoop = new()
    {
        WheelchairAccessible = true, StepFreeEntrance = true, AccessibleToilet = true, HearingLoop = true,
        Description = "Stufenloser Eingang, Aufzug, barrierefreies WC, Induktionsschleife am Empfang.",
    };

    private static readonly Accessibility NotStepFree = new()
    {
        WheelchairAccessible = false, StepFreeEntrance = false, AccessibleToilet = false, HearingLoop = false,
        Description = "Altbau, Beratungsräume im 1. Obergeschoss ohne Aufzug. Termine im Erdgeschoss auf Anfrage.",
    };

    public static IReadOnlyList<Location> Create() =>
    [
        Physical(Kreishaus, O.Auslaenderbehoerde, "Kreishaus Detmold", "Felix-Fechenbach-Straße 5", "32756", "Detmold", R.Detmold, 51.9363, 8.8765, StepFreeWithLoop,
            "Kreisverwaltung Lippe: Ausländerbehörde, Integration Point und Welcome Center im Erdgeschoss.", "District of Lippe administration building."),
        Physical(AgenturDetmold, O.AgenturFuerArbeit, "Agentur für Arbeit Detmold", "Wittekindstraße 2", "32758", "Detmold", R.Detmold, 51.9325, 8.8851, StepFreeWithLoop,
            "Eingang über den Innenhof.", "Entrance through the courtyard."),
        Physical(JobcenterDetmold, O.Jobcenter, "Jobcenter Lippe – Standort Detmold", "Bahnhofstraße 20", "32756", "Detmold", R.Detmold, 51.9420, 8.8735, StepFree,
            "Fünf Gehminuten vom Bahnhof Detmold.", "Five minutes' walk from Detmold station."),
        Physical(JobcenterBadSalzuflen, O.Jobcenter, "Jobcenter Lippe – Standort Bad Salzuflen", "Wenkenstraße 10", "32105", "Bad Salzuflen", R.BadSalzuflen, 52.0862, 8.7466, StepFree,
            "", ""),
        Physical(CaritasDetmold, O.MbeCaritas, "Caritas-Haus Detmold", "Palaisstraße 12", "32756", "Detmold", R.Detmold, 51.9379, 8.8779, NotStepFree,
            "Beratungsstelle in der Innenstadt.", "Advice centre in the town centre."),
        Physical(AwoLemgo, O.MbeAwo, "AWO-Begegnungszentrum Lemgo", "Breite Straße 30", "32657", "Lemgo", R.Lemgo, 52.0280, 8.9005, StepFree,
            "", ""),
        Physical(DiakonieDetmold, O.JmdDiakonie, "Diakonie-Haus Detmold", "Leopoldstraße 16", "32756", "Detmold", R.Detmold, 51.9371, 8.8806, StepFree,
            "Jugendmigrationsdienst im 2. Obergeschoss, Aufzug vorhanden.", "Youth Migration Service on the second floor, lift available."),
        Physical(DrkBadSalzuflen, O.JmdDrk, "DRK-Zentrum Bad Salzuflen", "Parkstraße 8", "32105", "Bad Salzuflen", R.BadSalzuflen, 52.0849, 8.7432, StepFree,
            "", ""),
        Physical(IqDetmold, O.IqBeratung, "IQ Beratungsbüro Detmold", "Lange Straße 40", "32756", "Detmold", R.Detmold, 51.9386, 8.8770, NotStepFree,
            "", ""),
        Physical(IhkDetmold, O.Ihk, "IHK Lippe zu Detmold", "Leonardo-da-Vinci-Weg 2", "32760", "Detmold", R.Detmold, 51.9297, 8.8451, StepFreeWithLoop,
            "", ""),
        Physical(HwkBeratungDetmold, O.Hwk, "HWK-Beratungsbüro Detmold", "Paulinenstraße 5", "32756", "Detmold", R.Detmold, 51.9392, 8.8748, StepFree,
            "Außenstelle der Handwerkskammer für Lippe; Sprechtag dienstags.", "Branch office of the Chamber of Skilled Crafts; open on Tuesdays."),
        Physical(VhsLage, O.VhsLippeWest, "VHS Lippe-West, Kursgebäude Lage", "Am Bahnhof 3", "32791", "Lage", R.Lage, 51.9919, 8.7919, StepFree,
            "", ""),
        Physical(SprachinstitutLemgo, O.Sprachinstitut, "Sprachinstitut Teutoburger Wald, Lemgo", "Mittelstraße 60", "32657", "Lemgo", R.Lemgo, 52.0293, 8.8996, NotStepFree,
            "", ""),
        Physical(IkvDetmold, O.MigrantOrganisation, "Begegnungsraum des IKV", "Hornsche Straße 44", "32756", "Detmold", R.Detmold, 51.9340, 8.8832, StepFree,
            "Offener Treffpunkt mit Küche und Spielecke.", "Open meeting place with a kitchen and a play corner."),
        Physical(RathausDetmold, O.IntegrationsbueroDetmold, "Rathaus Detmold", "Marktplatz 5", "32756", "Detmold", R.Detmold, 51.9381, 8.8790, StepFreeWithLoop,
            "Integrationsbüro im Neuen Rathaus, Zimmer 112.", "Integration office in the New Town Hall, room 112."),
        new Location
        {
            Id = Online,
            OrganizationId = O.IntegrationPoint,
            LocationType = LocationType.Virtual,
            Name = "Online-Beratung Lippe",
            Description = "Videoberatung über den Browser, ohne Installation.",
            Url = "https://beratung.kreis-lippe.example",
            Ownership = Owner(O.IntegrationPoint),
            LastModified = LastModified.Clone(),
            Translations = { English("Online advice Lippe", "Video advice in the browser, nothing to install.") },
        },
    ];

    private static Location Physical(
        string id, string organizationId, string name, string street, string postalCode, string city, string ags,
        double latitude, double longitude, Accessibility accessibility, string description, string englishDescription)
    {
        var location = new Location
        {
            Id = id,
            OrganizationId = organizationId,
            LocationType = LocationType.Physical,
            Name = name,
            Description = description,
            Address = new Address { Address1 = street, PostalCode = postalCode, City = city, MunicipalityAgs = ags, Country = "DE" },
            Latitude = latitude,
            Longitude = longitude,
            Accessibility = accessibility.Clone(),
            Ownership = Owner(organizationId, organizationId == O.IntegrationsbueroDetmold ? R.Detmold : R.KreisAgs),
            LastModified = LastModified.Clone(),
        };
        if (englishDescription.Length > 0)
        {
            location.Translations.Add(English("", englishDescription));
        }
        return location;
    }
}
