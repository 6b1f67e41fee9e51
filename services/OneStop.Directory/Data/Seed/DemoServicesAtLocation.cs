using OneStop.Directory.V1;
using static OneStop.Directory.Data.Seed.DemoValues;
using L = OneStop.Directory.Data.Seed.DemoLocations;
using R = OneStop.Directory.Data.Seed.DemoRegions;

namespace OneStop.Directory.Data.Seed;

/// <summary>Which demo service is offered where. Ids are "sal-" + service id without "svc-" + "@" + location id without "loc-".</summary>
public static class DemoServicesAtLocation
{
    public static IReadOnlyList<ServiceAtLocation> Create(IReadOnlyList<Service> services)
    {
        (string ServiceId, string LocationId, string Description)[] links =
        [
            ("svc-ip-erstberatung", L.Kreishaus, "Erdgeschoss, Zimmer E 12."),
            ("svc-ip-erstberatung", L.Online, "Videoberatung nach Terminvereinbarung."),
            ("svc-ip-sprachmittlung", L.Kreishaus, "Dolmetscherpool; kommt zum Termin."),
            ("svc-abh-aufenthaltstitel", L.Kreishaus, "Wartebereich Ausländerbehörde, 1. Obergeschoss."),
            ("svc-abh-fachkraefteverfahren", L.Kreishaus, ""),
            ("svc-abh-fachkraefteverfahren", L.Online, "Abstimmung mit Arbeitgebern per Video."),
            ("svc-aa-internationale-fachkraefte", L.AgenturDetmold, ""),
            ("svc-jc-eingliederung", L.JobcenterDetmold, ""),
            ("svc-jc-eingliederung", L.JobcenterBadSalzuflen, ""),
            ("svc-wc-ankommen", L.Kreishaus, "Im Foyer des Kreishauses."),
            ("svc-wc-ankommen", L.Online, ""),
            ("svc-mbe-detmold", L.CaritasDetmold, ""),
            ("svc-mbe-lemgo", L.AwoLemgo, ""),
            ("svc-jmd-detmold", L.DiakonieDetmold, ""),
            ("svc-jmd-bad-salzuflen", L.DrkBadSalzuflen, ""),
            ("svc-iq-anerkennungsberatung", L.IqDetmold, ""),
            ("svc-iq-anerkennungsberatung", L.Online, ""),
            ("svc-ihk-anerkennung", L.IhkDetmold, ""),
            ("svc-hwk-anerkennung", L.HwkBeratungDetmold, "Sprechtag dienstags."),
            ("svc-vhs-integrationskurse", L.VhsLage, ""),
            ("svc-sprachinstitut-berufssprachkurse", L.SprachinstitutLemgo, ""),
            ("svc-ikv-sprachcafe", L.IkvDetmold, ""),
            ("svc-ib-detmold-integrationslotsen", L.RathausDetmold, "Zimmer 112."),
            ("svc-ikv-frauentreff", L.IkvDetmold, ""),
            ("svc-jugendamt-kita", L.Kreishaus, "Kreisjugendamt, 2. Obergeschoss."),
        ];
        var ownerOf = services.ToDictionary(s => s.Id, s => s.Ownership, StringComparer.Ordinal);
        return links.Select(link => new ServiceAtLocation
        {
            Id = $"sal-{link.ServiceId["svc-".Length..]}@{link.LocationId["loc-".Length..]}",
            ServiceId = link.ServiceId,
            LocationId = link.LocationId,
            Description = link.Description,
            // A service-at-location belongs to whoever owns the service.
            Ownership = ownerOf.TryGetValue(link.ServiceId, out var owner) ? owner.Clone() : Owner("", R.KreisAgs),
            LastModified = LastModified.Clone(),
        }).ToList();
    }
}
