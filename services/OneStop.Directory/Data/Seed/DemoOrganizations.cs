using OneStop.Directory.V1;
using static OneStop.Directory.Data.Seed.DemoValues;

namespace OneStop.Directory.Data.Seed;

/// <summary>
/// The agencies of the demo county. Public bodies carry their real names; the welfare providers' branches, the
/// language school and the migrant organisation are fictional. E-mail and web addresses use the reserved
/// ".example" domain so the demo never points at a real inbox.
/// </summary>
public static class DemoOrganizations
{
    public const string IntegrationPoint = "org-ip-lippe";
    public const string Auslaenderbehoerde = "org-abh-lippe";
    public const string AgenturFuerArbeit = "org-aa-detmold";
    public const string Jobcenter = "org-jc-lippe";
    public const string WelcomeCenter = "org-wc-lippe";
    public const string MbeCaritas = "org-mbe-caritas-lippe";
    public const string MbeAwo = "org-mbe-awo-lippe";
    public const string JmdDiakonie = "org-jmd-diakonie-lippe";
    public const string JmdDrk = "org-jmd-drk-lippe";
    public const string IqBeratung = "org-iq-owl";
    public const string Ihk = "org-ihk-lippe";
    public const string Hwk = "org-hwk-owl";
    public const string VhsLippeWest = "org-vhs-lippe-west";
    public const string Sprachinstitut = "org-sprachinstitut-teutoburg";
    public const string MigrantOrganisation = "org-ikv-lippe";
    public const string IntegrationsbueroDetmold = "org-ib-detmold";
    public const string Jugendamt = "org-jugendamt-lippe";

    public static IReadOnlyList<Organization> Create() =>
    [
        Organization(IntegrationPoint, "Integration Point Lippe", "IP Lippe", AgencyType.IntegrationPoint,
            "Gemeinsame Anlaufstelle für Geflüchtete und Zugewanderte: Arbeit, Ausbildung und Anerkennung aus einer Hand.",
            "integrationpoint@kreis-lippe.example", "https://www.kreis-lippe.example/integration-point",
            English("Integration Point Lippe", "One place for refugees and newcomers: work, training and recognition of qualifications."),
            Arabic("نقطة الاندماج ليبه", "مكان واحد للاجئين والقادمين الجدد: العمل والتدريب والاعتراف بالمؤهلات.")),
        Organization(Auslaenderbehoerde, "Ausländerbehörde Kreis Lippe", "", AgencyType.Auslaenderbehoerde,
            "Zuständig für Aufenthaltstitel, Visa-Zustimmungen und das beschleunigte Fachkräfteverfahren im Kreis Lippe.",
            "auslaenderbehoerde@kreis-lippe.example", "https://www.kreis-lippe.example/auslaenderbehoerde",
            English("Immigration Office of the District of Lippe", "Responsible for residence permits, visa approvals and the fast-track procedure for skilled workers."),
            Arabic("دائرة الأجانب في مقاطعة ليبه", "مسؤولة عن تصاريح الإقامة والموافقة على التأشيرات والإجراء المعجّل للعمالة الماهرة.")),
        Organization(AgenturFuerArbeit, "Agentur für Arbeit Detmold", "", AgencyType.AgenturFuerArbeit,
            "Berufsberatung, Arbeitsvermittlung und Arbeitgeber-Service für Lippe.",
            "detmold@arbeitsagentur.example", "https://www.arbeitsagentur.example/detmold",
            English("Employment Agency Detmold", "Career guidance, job placement and employer services for Lippe."),
            Arabic("وكالة العمل ديتمولد", "التوجيه المهني والتوسط في العمل وخدمات أصحاب العمل في ليبه.")),
        Organization(Jobcenter, "Jobcenter Lippe", "", AgencyType.Jobcenter,
            "Bürgergeld und Unterstützung bei der Eingliederung in Arbeit.",
            "jobcenter@jobcenter-lippe.example", "https://www.jobcenter-lippe.example",
            English("Jobcenter Lippe", "Citizen's income and support in finding work."),
            Arabic("مركز العمل ليبه", "إعانة المواطن والدعم في إيجاد عمل.")),
        Organization(WelcomeCenter, "Welcome Center Lippe", "", AgencyType.WelcomeCenter,
            "Erste Anlaufstelle für internationale Fachkräfte, ihre Familien und Arbeitgeber in Lippe.",
            "welcome@kreis-lippe.example", "https://www.kreis-lippe.example/welcome",
            English("Welcome Center Lippe", "First point of contact for international skilled workers, their families and employers."),
            Arabic("مركز الترحيب ليبه", "نقطة الاتصال الأولى للكفاءات الدولية وعائلاتهم وأصحاب العمل.")),
        Organization(MbeCaritas, "Caritas Lippe-Süd – Migrationsberatung", "", AgencyType.Mbe,
            "Migrationsberatung für erwachsene Zuwanderer (MBE) in Trägerschaft der Caritas.",
            "mbe@caritas-lippe-sued.example", "https://www.caritas-lippe-sued.example",
            English("Caritas Lippe-South – Migration Advice", "Migration advice for adult immigrants (MBE) run by Caritas."),
            Arabic("كاريتاس ليبه الجنوب – استشارات الهجرة", "استشارات الهجرة للمهاجرين البالغين تديرها كاريتاس.")),
        Organization(MbeAwo, "AWO Lippe-Nord – Migrationsberatung", "", AgencyType.Mbe,
            "Migrationsberatung für erwachsene Zuwanderer (MBE) in Trägerschaft der Arbeiterwohlfahrt.",
            "mbe@awo-lippe-nord.example", "https://www.awo-lippe-nord.example",
            English("AWO Lippe-North – Migration Advice", "Migration advice for adult immigrants (MBE) run by AWO."),
            Arabic("جمعية العمال الخيرية ليبه الشمال – استشارات الهجرة", "استشارات الهجرة للمهاجرين البالغين تديرها جمعية العمال الخيرية.")),
        Organization(JmdDiakonie, "Diakonie Lippe-Süd – Jugendmigrationsdienst", "JMD Detmold", AgencyType.Jmd,
            "Jugendmigrationsdienst für junge Menschen mit Migrationsgeschichte von 12 bis unter 27 Jahren.",
            "jmd@diakonie-lippe-sued.example", "https://www.diakonie-lippe-sued.example/jmd",
            English("Diakonie Lippe-South – Youth Migration Service", "Youth Migration Service for young people aged 12 to under 27."),
            Arabic("دياكوني ليبه الجنوب – خدمة الهجرة للشباب", "خدمة الهجرة للشباب من عمر 12 حتى أقل من 27 عاماً.")),
        Organization(JmdDrk, "DRK Lippe-West – Jugendmigrationsdienst", "JMD Bad Salzuflen", AgencyType.Jmd,
            "Jugendmigrationsdienst des Deutschen Roten Kreuzes im Westen und Norden des Kreises.",
            "jmd@drk-lippe-west.example", "https://www.drk-lippe-west.example/jmd",
            English("German Red Cross Lippe-West – Youth Migration Service", "Youth Migration Service of the German Red Cross in the west and north of the district."),
            Arabic("الصليب الأحمر الألماني ليبه الغرب – خدمة الهجرة للشباب", "خدمة الهجرة للشباب التابعة للصليب الأحمر الألماني في غرب المقاطعة وشمالها.")),
        Organization(IqBeratung, "IQ Anerkennungsberatung Ostwestfalen-Lippe", "IQ OWL", AgencyType.IqCounselling,
            "Beratung zur Anerkennung ausländischer Berufsabschlüsse und zu Anpassungsqualifizierungen im Förderprogramm IQ.",
            "anerkennung@iq-owl.example", "https://www.iq-owl.example",
            English("IQ Recognition Advice East Westphalia-Lippe", "Advice on recognition of foreign qualifications and bridging courses (IQ programme)."),
            Arabic("استشارات الاعتراف IQ في شرق وستفاليا – ليبه", "استشارة حول الاعتراف بالمؤهلات الأجنبية ودورات التأهيل التكميلي.")),
        Organization(Ihk, "IHK Lippe zu Detmold", "", AgencyType.Kammer,
            "Industrie- und Handelskammer: Anerkennung von IHK-Berufen, Ausbildung und Beratung für Unternehmen.",
            "anerkennung@ihk-lippe.example", "https://www.ihk-lippe.example",
            English("Chamber of Commerce and Industry Lippe", "Recognition of commercial and industrial occupations, apprenticeships, advice for companies."),
            Arabic("غرفة التجارة والصناعة ليبه", "الاعتراف بالمهن التجارية والصناعية والتدريب المهني واستشارات الشركات.")),
        Organization(Hwk, "Handwerkskammer Ostwestfalen-Lippe zu Bielefeld", "HWK OWL", AgencyType.Kammer,
            "Anerkennung handwerklicher Berufsabschlüsse und Beratung für Handwerksbetriebe.",
            "anerkennung@hwk-owl.example", "https://www.hwk-owl.example",
            English("Chamber of Skilled Crafts East Westphalia-Lippe", "Recognition of qualifications in skilled crafts and advice for craft businesses."),
            Arabic("غرفة الحرف في شرق وستفاليا – ليبه", "الاعتراف بالمؤهلات في المهن الحرفية واستشارات لورش الحرف.")),
        Organization(VhsLippeWest, "Volkshochschule Lippe-West", "VHS Lippe-West", AgencyType.LanguageCourseProvider,
            "Integrationskurse, Alphabetisierungskurse und Prüfungen.",
            "integrationskurse@vhs-lippe-west.example", "https://www.vhs-lippe-west.example",
            English("Adult Education Centre Lippe-West", "Integration courses, literacy courses and exams."),
            Arabic("مركز تعليم الكبار ليبه الغرب", "دورات الاندماج ودورات محو الأمية والامتحانات.")),
        Organization(Sprachinstitut, "Sprachinstitut Teutoburger Wald", "", AgencyType.LanguageCourseProvider,
            "Berufsbezogene Deutschsprachkurse für Beschäftigte und Arbeitsuchende.",
            "kurse@sprachinstitut-teutoburg.example", "https://www.sprachinstitut-teutoburg.example",
            English("Teutoburg Forest Language Institute", "Job-related German courses for employees and jobseekers."),
            Arabic("معهد اللغات غابة تويتوبورغ", "دورات لغة ألمانية مهنية للعاملين والباحثين عن عمل.")),
        Organization(MigrantOrganisation, "Interkultureller Verein Lippe e. V.", "IKV Lippe", AgencyType.MigrantOrganisation,
            "Migrantenorganisation: Begegnung, Sprachcafé und Begleitung im Alltag, ehrenamtlich organisiert.",
            "kontakt@ikv-lippe.example", "https://www.ikv-lippe.example",
            English("Intercultural Association Lippe", "Migrant organisation: meeting place, language café and everyday support by volunteers."),
            Arabic("الجمعية بين الثقافات ليبه", "منظمة مهاجرين: لقاءات ومقهى لغة ومرافقة في الحياة اليومية من متطوعين.")),
        Organization(IntegrationsbueroDetmold, "Integrationsbüro der Stadt Detmold", "", AgencyType.Kommune,
            "Das Integrationsbüro der Stadt Detmold koordiniert Integrationslotsen und Angebote in den Ortsteilen.",
            "integration@detmold.example", "https://www.detmold.example/integration",
            English("Integration Office of the City of Detmold", "Coordinates volunteer integration guides and neighbourhood offers in Detmold."),
            Arabic("مكتب الاندماج في مدينة ديتمولد", "ينسق مرشدي الاندماج المتطوعين والعروض في أحياء ديتمولد."),
            regionAgs: DemoRegions.Detmold),
        Organization(Jugendamt, "Kreisjugendamt Lippe", "", AgencyType.Kommune,
            "Das Jugendamt des Kreises berät Familien zu Kita-Plätzen und Kindertagespflege und vermittelt Plätze.",
            "kita@kreis-lippe.example", "https://www.kreis-lippe.example/kita",
            English("Youth Welfare Office of the District of Lippe", "Advises families on day-care places (Kita) and childminders and finds places."),
            Arabic("مكتب رعاية الشباب في مقاطعة ليبه", "يقدم الاستشارة للعائلات حول أماكن رياض الأطفال والرعاية النهارية ويساعد في إيجاد مكان.")),
    ];

    private static Organization Organization(
        string id, string name, string alternateName, AgencyType type, string description, string email, string website,
        Translation english, Translation arabic, string regionAgs = DemoRegions.KreisAgs)
    {
        var organization = new Organization
        {
            Id = id,
            Name = name,
            AlternateName = alternateName,
            Description = description,
            Email = email,
            Website = website,
            AgencyType = type,
            Ownership = Owner(id, regionAgs),
            LastModified = LastModified.Clone(),
        };
        organization.Translations.Add(english);
        organization.Translations.Add(arabic);
        return organization;
    }
}
