using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Data.Seed.DemoDirectoryIds;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Data.Seed;

/// <summary>
/// The demo county's calendars: counsellors of each agency, interpreters for Arabic, Ukrainian, Farsi, Turkish and
/// Russian, rooms at the Integration Point (Kreishaus) and the Jobcenter's outreach office in Bad Salzuflen, and a
/// few appointment types. Fixed ids; new, equal objects on every call.
/// </summary>
public static class DemoCalendars
{
    public const string JointResidenceAndWork = "type-joint-aufenthalt-arbeit";
    public const string JointJobcenterMbe = "type-joint-jobcenter-mbe";
    public const string WelcomeConsultation = "type-welcome-erstberatung";

    /// <summary>
    /// The one demo type bookable a full year ahead (the others: 60 days), so the next change to or from summer time
    /// is within reach of the demo and a user can see slots on either side of it at the same wall-clock time.
    /// </summary>
    public const string RecognitionYearAhead = "type-anerkennung-iq-jahr";

    public static IReadOnlyList<Resource> Resources() =>
    [
        Counsellor("res-abh-1", "Beratung Aufenthalt 1", Auslaenderbehoerde, ResidenceService, Kreishaus, [Topic.Aufenthalt], ["de", "en"], autoAccept: true),
        Counsellor("res-abh-2", "Beratung Aufenthalt 2", Auslaenderbehoerde, ResidenceService, Kreishaus, [Topic.Aufenthalt], ["de"], autoAccept: true),
        Counsellor("res-aa-1", "Berufsberatung 1", AgenturFuerArbeit, AgenturService, AgenturDetmold, [Topic.Arbeit, Topic.Anerkennung], ["de", "en"], autoAccept: false),
        Counsellor("res-aa-2", "Berufsberatung 2", AgenturFuerArbeit, AgenturService, AgenturDetmold, [Topic.Arbeit], ["de", "pl"], autoAccept: false),
        Counsellor("res-jc-1", "Arbeitsvermittlung 1", Jobcenter, JobcenterService, JobcenterDetmold, [Topic.Arbeit], ["de"], autoAccept: true),
        Counsellor("res-jc-2", "Arbeitsvermittlung Außenstelle", Jobcenter, JobcenterService, JobcenterBadSalzuflen, [Topic.Arbeit], ["de", "uk"], autoAccept: true),
        Counsellor("res-mbe-1", "Migrationsberatung 1", MbeCaritas, MbeCaritasService, CaritasDetmold, [Topic.AllgemeineBeratung, Topic.Wohnen], ["de", "ar"], autoAccept: true),
        Counsellor("res-jmd-1", "Jugendmigrationsdienst 1", JmdDiakonie, JmdDiakonieService, DiakonieDetmold, [Topic.Bildung, Topic.AllgemeineBeratung], ["de", "ar"], autoAccept: true),
        Counsellor("res-wc-1", "Welcome Center 1", WelcomeCenter, WelcomeCenterService, Kreishaus, [Topic.Arbeit, Topic.Aufenthalt], ["de", "en"], autoAccept: true),
        Counsellor("res-ip-1", "Integration Point 1", IntegrationPoint, IntegrationPointService, Kreishaus, [Topic.Arbeit, Topic.Anerkennung], ["de", "en", "ar"], autoAccept: true),
        Counsellor("res-mbe-awo-1", "Migrationsberatung AWO 1", MbeAwo, MbeAwoService, AwoLemgo, [Topic.AllgemeineBeratung, Topic.FamilieKinderbetreuung], ["de", "tr"], autoAccept: true),
        Counsellor("res-jmd-drk-1", "Jugendmigrationsdienst DRK 1", JmdDrk, JmdDrkService, DrkBadSalzuflen, [Topic.Bildung, Topic.Sprache], ["de", "uk", "ru"], autoAccept: true),
        Counsellor("res-iq-1", "Anerkennungsberatung IQ 1", IqBeratung, IqService, IqDetmold, [Topic.Anerkennung, Topic.Bildung], ["de", "en", "ar"], autoAccept: true),
        Counsellor("res-ihk-1", "Anerkennung Berufsabschlüsse IHK", Ihk, IhkService, IhkDetmold, [Topic.Anerkennung, Topic.Arbeit], ["de", "en"], autoAccept: false),
        Counsellor("res-hwk-1", "Anerkennung Handwerk HWK", Hwk, HwkService, HwkBeratungDetmold, [Topic.Anerkennung, Topic.Arbeit], ["de", "tr"], autoAccept: false),
        // The Integrationsbüro belongs to the City of Detmold in the directory; its calendar is kept in the county's
        // region like every other demo calendar, so the Integration Point's front desk can book it.
        Counsellor("res-ib-detmold-1", "Integrationsbüro Detmold 1", IntegrationsbueroDetmold, IntegrationsbueroService, RathausDetmold, [Topic.TeilhabeEhrenamt, Topic.AllgemeineBeratung], ["de", "ar"], autoAccept: true),
        Interpreter("res-int-ar", "Dolmetschen Arabisch", ["ar"]),
        Interpreter("res-int-uk", "Dolmetschen Ukrainisch", ["uk", "ru"]),
        Interpreter("res-int-fa", "Dolmetschen Farsi", ["fa"]),
        Interpreter("res-int-tr", "Dolmetschen Türkisch", ["tr"]),
        Interpreter("res-int-ru", "Dolmetschen Russisch", ["ru"]),
        Room("res-room-ip-1", "Raum E.14 (Integration Point)", Kreishaus, capacity: 6, wheelchair: true),
        Room("res-room-ip-2", "Raum E.16 (Integration Point)", Kreishaus, capacity: 4, wheelchair: true),
        Room("res-room-bs-1", "Besprechungsraum Außenstelle Bad Salzuflen", JobcenterBadSalzuflen, capacity: 4, wheelchair: true),
    ];

    /// <summary>Office hours Monday to Friday, Thursday afternoon longer; NW holidays; 5 minutes after each appointment.</summary>
    public static ResourceSchedule Schedule(string resourceId)
    {
        var schedule = new ResourceSchedule
        {
            ResourceId = resourceId,
            HolidayLand = "NW",
            BufferBefore = Duration.FromTimeSpan(TimeSpan.Zero),
            BufferAfter = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)),
        };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            schedule.Weekly.Add(new WeeklyWindow { Day = day, Start = "08:30", End = "12:30" });
            if (day != DayOfWeek.Friday) schedule.Weekly.Add(new WeeklyWindow { Day = day, Start = "13:30", End = day == DayOfWeek.Thursday ? "18:00" : "15:30" });
        }
        return schedule;
    }

    public static IReadOnlyList<AppointmentType> AppointmentTypes() =>
    [
        Type(JointResidenceAndWork, "Gemeinsamer Termin Aufenthalt + Arbeit", Topic.Arbeit, minutes: 60,
            [Pool(Auslaenderbehoerde, Topic.Aufenthalt), Pool(AgenturFuerArbeit, Topic.Arbeit)], interpreter: "", room: new RoomNeeds { MinimumCapacity = 4, LocationId = Kreishaus }),
        Type(JointJobcenterMbe, "Gemeinsamer Termin Jobcenter + Migrationsberatung", Topic.Arbeit, minutes: 45,
            [Pool(Jobcenter, Topic.Arbeit), Pool(MbeCaritas, Topic.AllgemeineBeratung)], interpreter: "ar", room: new RoomNeeds { MinimumCapacity = 3 }),
        // The one type residents book themselves on the public pages (the gateway's PublicAppointmentTypes).
        Type(WelcomeConsultation, "Erstberatung Welcome Center", Topic.Arbeit, minutes: 30,
            [Pool(WelcomeCenter, Topic.Arbeit)], interpreter: "", room: null, publicBooking: true),
        Type(RecognitionYearAhead, "Anerkennungsberatung IQ (bis zu einem Jahr im Voraus)", Topic.Anerkennung, minutes: 60,
            [Pool(IqBeratung, Topic.Anerkennung)], interpreter: "", room: null, horizonDays: 365),
    ];

    // Each counsellor's languages are languages of its agency's directory service (checked by the seed and on writes).
    private static Resource Counsellor(string id, string name, string organization, string service, string location, Topic[] topics, string[] languages,
        bool autoAccept) =>
        new()
        {
            Id = id, Kind = ResourceKind.Counsellor, DisplayName = name, OrganizationId = organization, ServiceId = service, LocationId = location,
            Topics = { topics }, Languages = { languages }, AutoAccept = autoAccept, RegionAgs = KreisAgs,
        };

    // Interpreters belong to the Integration Point's pool (its Sprachmittlung service in the directory) and come to
    // wherever the appointment is.
    private static Resource Interpreter(string id, string name, string[] languages) => new()
    {
        Id = id, Kind = ResourceKind.Interpreter, DisplayName = name, OrganizationId = IntegrationPoint, ServiceId = InterpretingService, LocationId = Kreishaus,
        Languages = { languages }, AutoAccept = true, RegionAgs = KreisAgs,
    };

    private static Resource Room(string id, string name, string location, int capacity, bool wheelchair) => new()
    {
        Id = id, Kind = ResourceKind.Room, DisplayName = name, OrganizationId = IntegrationPoint, LocationId = location,
        RoomCapacity = capacity, WheelchairAccessible = wheelchair, AutoAccept = true, RegionAgs = KreisAgs,
    };

    private static ParticipantRequirement Pool(string organization, Topic topic) => new() { Pool = new AgencyPool { OrganizationId = organization, Topic = topic } };

    private static AppointmentType Type(string id, string name, Topic topic, int minutes, ParticipantRequirement[] participants, string interpreter, RoomNeeds? room,
        bool publicBooking = false, int horizonDays = 60)
    {
        var type = new AppointmentType
        {
            Id = id, Name = name, Topic = topic, Duration = Duration.FromTimeSpan(TimeSpan.FromMinutes(minutes)),
            Participants = { participants }, InterpreterLanguage = interpreter,
            MinimumNotice = Duration.FromTimeSpan(TimeSpan.FromHours(2)), BookingHorizon = Duration.FromTimeSpan(TimeSpan.FromDays(horizonDays)),
            OnlinePossible = false, RegionAgs = KreisAgs, PublicBooking = publicBooking,
        };
        if (room is not null) type.RoomNeeds = room;
        return type;
    }
}
