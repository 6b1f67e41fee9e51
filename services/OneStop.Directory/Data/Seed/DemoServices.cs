using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;
using static OneStop.Directory.Data.Seed.DemoValues;
using D = OneStop.Directory.V1.DayOfWeek;
using L = OneStop.Directory.Data.Seed.DemoLocations;
using O = OneStop.Directory.Data.Seed.DemoOrganizations;
using R = OneStop.Directory.Data.Seed.DemoRegions;

namespace OneStop.Directory.Data.Seed;

/// <summary>
/// The services of the demo county. They cover what the directory must show: county-wide and Gemeinde-only service
/// areas, the JMD/MBE age split (12 to under 27 / from 27), weekly hours with holiday exceptions, capacity,
/// a funding that has ended and an old assured date (both for the staleness report), and an inactive service.
/// </summary>
public static class DemoServices
{
    private static readonly Date Assured = Day(2026, 9, 15);
    private static readonly Timestamp CapacityUpdated = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 9, 30, 12, 0, 0, TimeSpan.Zero));

    private static readonly D[] MondayToThursday = [D.Monday, D.Tuesday, D.Wednesday, D.Thursday];
    private static readonly D[] MondayToFriday = [D.Monday, D.Tuesday, D.Wednesday, D.Thursday, D.Friday];

    public static IReadOnlyList<Service> Create() =>
    [
        IntegrationPointFirstAdvice(),
        IntegrationPointInterpreting(),
        ResidencePermits(),
        SkilledWorkerFastTrack(),
        InternationalJobPlacement(),
        JobcenterIntegration(),
        WelcomeCenter(),
        Mbe("svc-mbe-detmold", O.MbeCaritas, "Caritas Lippe-Süd", "sch-mbe-detmold", L.CaritasDetmold,
            Area("area-mbe-detmold", "Planungsraum Süd", R.Sued), ["de", "en", "ar", "fa"]),
        Mbe("svc-mbe-lemgo", O.MbeAwo, "AWO Lippe-Nord", "sch-mbe-lemgo", L.AwoLemgo,
            Area("area-mbe-lemgo", "Planungsräume Nord-Ost und West", [.. R.NordOst, .. R.West]), ["de", "ru", "tr", "uk"]),
        Jmd("svc-jmd-detmold", O.JmdDiakonie, "Detmold", "sch-jmd-detmold", L.DiakonieDetmold,
            Area("area-jmd-detmold", "Planungsraum Süd", R.Sued), ["de", "en", "ar", "ti"], Assured),
        Jmd("svc-jmd-bad-salzuflen", O.JmdDrk, "Bad Salzuflen", "sch-jmd-bad-salzuflen", L.DrkBadSalzuflen,
            Area("area-jmd-bad-salzuflen", "Planungsräume Nord-Ost und West", [.. R.NordOst, .. R.West]), ["de", "en", "uk", "ru"],
            Day(2025, 6, 2)),
        RecognitionAdvice(),
        IhkRecognition(),
        HwkRecognition(),
        IntegrationCourses(),
        JobGermanCourses(),
        LanguageCafe(),
        IntegrationGuidesDetmold(),
        WomensMeeting(),
        KitaContact(),
    ];

    private static Service IntegrationPointFirstAdvice() => Base(
            "svc-ip-erstberatung", O.IntegrationPoint, "Erstberatung im Integration Point",
            "Beratung zu Arbeit, Ausbildung und Anerkennung für Geflüchtete und Zugewanderte. Agentur für Arbeit, Jobcenter und Kreis beraten gemeinsam.",
            "Ohne Termin in der offenen Sprechstunde oder mit Termin über die Online-Buchung.",
            English("First advice at the Integration Point", "Advice on work, training and recognition for refugees and immigrants. Employment agency, jobcenter and district advise together.",
                "Walk in during open hours or book an appointment online."),
            Arabic("الاستشارة الأولى في نقطة الاندماج", "استشارة حول العمل والتدريب والاعتراف بالمؤهلات للاجئين والمهاجرين. تقدم وكالة العمل ومركز العمل والمقاطعة الاستشارة معاً.",
                "تعال دون موعد في ساعات الاستقبال المفتوحة أو احجز موعداً عبر الإنترنت."))
        .With(s =>
        {
            s.Topics.Add([Topic.Arbeit, Topic.Anerkennung, Topic.AllgemeineBeratung]);
            s.TargetGroups.Add([TargetGroup.Refugees, TargetGroup.SkilledWorkers]);
            s.Languages.Add(["de", "en", "ar", "uk", "fa"]);
            s.InterpretationServices = "Dolmetschen per Video für weitere Sprachen nach Absprache.";
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Phone]);
            s.ServiceAreas.Add(Area("area-ip-kreis", "Kreis Lippe", R.KreisAgs));
            s.Schedules.Add(WeekSchedule("sch-ip-erstberatung", L.Kreishaus,
                [.. Hours("08:30", "12:30", MondayToFriday), Hours(D.Thursday, "14:00", "17:30")], appointmentOnly: false,
                extra: new ScheduleException { Date = Day(2026, 11, 11), Hours = { Hours(D.Wednesday, "08:30", "10:00") }, Description = "Personalversammlung: nur bis 10 Uhr" }));
            s.Contacts.Add(Contact("con-ip-empfang", "Empfang Integration Point", "integrationpoint@kreis-lippe.example", "+49 5231 555-0100", "de", "en"));
            s.Funding.Add(new Funding { Source = "Kreis Lippe" });
        });

    // The Integration Point's interpreter pool. Its languages are what the appointments service's interpreters may
    // offer (services/OneStop.Appointments checks them through the directory client).
    private static Service IntegrationPointInterpreting() => Base(
            "svc-ip-sprachmittlung", O.IntegrationPoint, "Sprachmittlung für Beratungstermine",
            "Dolmetscherinnen und Dolmetscher des Integration Points begleiten gemeinsame Beratungstermine der Behörden und Beratungsstellen im Kreis Lippe.",
            "Wird bei der Terminbuchung durch die Beratungsstelle mitgebucht.",
            English("Interpreting for advice appointments", "Interpreters of the Integration Point join joint advice appointments of the public offices and advice services in the district of Lippe.",
                "Booked together with the appointment by the advice service."),
            Arabic("الترجمة الشفهية لمواعيد الاستشارة", "يرافق مترجمو نقطة الاندماج مواعيد الاستشارة المشتركة للدوائر الحكومية ومراكز الاستشارة في مقاطعة ليبه.",
                "يحجزها مركز الاستشارة مع الموعد."))
        .With(s =>
        {
            s.Topics.Add(Topic.AllgemeineBeratung);
            s.TargetGroups.Add([TargetGroup.Refugees, TargetGroup.Families]);
            s.Languages.Add(["de", "ar", "uk", "fa", "tr", "ru"]);
            s.InterpretationServices = "Arabisch, Ukrainisch, Farsi, Türkisch und Russisch; weitere Sprachen per Video nach Absprache.";
            s.AttendingTypes.Add(AttendingType.InPerson);
            s.ServiceAreas.Add(Area("area-ip-sprachmittlung-kreis", "Kreis Lippe", R.KreisAgs));
            s.Schedules.Add(WeekSchedule("sch-ip-sprachmittlung", L.Kreishaus, Hours("08:30", "15:30", MondayToFriday).ToArray(), appointmentOnly: true));
            s.Contacts.Add(Contact("con-ip-sprachmittlung", "Koordination Sprachmittlung", "sprachmittlung@kreis-lippe.example", "+49 5231 555-0110", "de", "en"));
            s.Funding.Add(new Funding { Source = "Kreis Lippe" });
        });

    private static Service ResidencePermits() => Base(
            "svc-abh-aufenthaltstitel", O.Auslaenderbehoerde, "Aufenthaltstitel beantragen und verlängern",
            "Die Ausländerbehörde des Kreises Lippe erteilt und verlängert Aufenthaltstitel, Niederlassungserlaubnisse und Blaue Karten EU.",
            "Termin online buchen. Antrag und Unterlagen vorab per E-Mail einreichen.",
            English("Apply for or extend a residence permit", "The immigration office of the district of Lippe issues and extends residence permits, settlement permits and EU Blue Cards.",
                "Book an appointment online. Send the application and documents by e-mail beforehand."),
            Arabic("طلب تصريح الإقامة وتمديده", "تصدر دائرة الأجانب في مقاطعة ليبه تصاريح الإقامة وتمددها، وكذلك تصاريح الاستقرار والبطاقة الزرقاء الأوروبية.",
                "احجز موعداً عبر الإنترنت. أرسل الطلب والمستندات بالبريد الإلكتروني مسبقاً."))
        .With(s =>
        {
            s.Topics.Add(Topic.Aufenthalt);
            s.TargetGroups.Add(TargetGroup.All);
            s.Languages.Add(["de", "en"]);
            s.AttendingTypes.Add(AttendingType.InPerson);
            s.ServiceAreas.Add(Area("area-abh-kreis", "Kreis Lippe", R.KreisAgs));
            s.RequiredDocuments.Add(new RequiredDocument { Document = "Gültiger Pass", Uri = "" });
            s.RequiredDocuments.Add(new RequiredDocument { Document = "Biometrisches Passfoto", Uri = "" });
            s.RequiredDocuments.Add(new RequiredDocument { Document = "Antragsformular Aufenthaltstitel", Uri = "https://www.kreis-lippe.example/formulare/aufenthaltstitel.pdf" });
            s.FeesDescription = "Gebühren nach Aufenthaltsverordnung, in der Regel 50 bis 100 Euro.";
            s.Schedules.Add(WeekSchedule("sch-abh-aufenthaltstitel", L.Kreishaus,
                [.. Hours("08:00", "12:00", MondayToFriday), Hours(D.Tuesday, "14:00", "17:30")], appointmentOnly: true,
                bookingUrl: "https://termine.kreis-lippe.example/auslaenderbehoerde"));
            s.Contacts.Add(Contact("con-abh-service", "Servicetelefon Ausländerbehörde", "auslaenderbehoerde@kreis-lippe.example", "+49 5231 555-0200", "de", "en"));
            s.Funding.Add(new Funding { Source = "Kreis Lippe" });
        });

    private static Service SkilledWorkerFastTrack() => Base(
            "svc-abh-fachkraefteverfahren", O.Auslaenderbehoerde, "Beschleunigtes Fachkräfteverfahren (§ 81a AufenthG)",
            "Für Arbeitgeber, die eine Fachkraft aus dem Ausland einstellen wollen: Vereinbarung, Vorabzustimmung und Begleitung des Visumverfahrens.",
            "Arbeitgeber schließen mit der Ausländerbehörde eine Vereinbarung; die Vollmacht der Fachkraft liegt bei.",
            English("Fast-track procedure for skilled workers", "For employers who want to hire a skilled worker from abroad: agreement, pre-approval and support with the visa procedure.",
                "The employer signs an agreement with the immigration office, with the skilled worker's power of attorney."),
            Arabic("الإجراء المعجّل للعمالة الماهرة", "لأصحاب العمل الذين يرغبون في توظيف عامل ماهر من الخارج: اتفاقية وموافقة مسبقة ومرافقة إجراءات التأشيرة.",
                "يوقّع صاحب العمل اتفاقية مع دائرة الأجانب مرفقة بتوكيل من العامل الماهر."))
        .With(s =>
        {
            s.Topics.Add([Topic.Aufenthalt, Topic.Arbeit]);
            s.TargetGroups.Add([TargetGroup.Employers, TargetGroup.SkilledWorkers]);
            s.Languages.Add(["de", "en"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Online]);
            s.ServiceAreas.Add(Area("area-abh-fk-kreis", "Kreis Lippe", R.KreisAgs));
            s.FeesDescription = "411 Euro Gebühr für das beschleunigte Fachkräfteverfahren.";
            s.Schedules.Add(WeekSchedule("sch-abh-fachkraefte", "", Hours("09:00", "12:00", D.Tuesday, D.Thursday).ToArray(), appointmentOnly: true,
                bookingUrl: "https://termine.kreis-lippe.example/fachkraefte", attendingType: AttendingType.Online));
            s.Contacts.Add(Contact("con-abh-fachkraefte", "Team Fachkräfteeinwanderung", "fachkraefte@kreis-lippe.example", "+49 5231 555-0210", "de", "en"));
            s.Funding.Add(new Funding { Source = "Kreis Lippe" });
        });

    private static Service InternationalJobPlacement() => Base(
            "svc-aa-internationale-fachkraefte", O.AgenturFuerArbeit, "Arbeitsvermittlung für internationale Fachkräfte",
            "Beratung zu Jobsuche, Ausbildung und Weiterbildung; Arbeitgeber-Service bei der Suche nach Fachkräften aus dem Ausland.",
            "Termin telefonisch oder online vereinbaren.",
            English("Job placement for international skilled workers", "Advice on job search, training and further education; employer service for hiring skilled workers from abroad.",
                "Make an appointment by phone or online."),
            Arabic("التوسط في العمل للكفاءات الدولية", "استشارة حول البحث عن عمل والتدريب المهني والتعليم المستمر، وخدمة أصحاب العمل للبحث عن كفاءات من الخارج.",
                "احجز موعداً عبر الهاتف أو الإنترنت."))
        .With(s =>
        {
            s.Topics.Add([Topic.Arbeit, Topic.Bildung]);
            s.TargetGroups.Add([TargetGroup.SkilledWorkers, TargetGroup.Employers, TargetGroup.EuCitizens]);
            s.Languages.Add(["de", "en", "pl", "ro"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Phone, AttendingType.Online]);
            s.ServiceAreas.Add(Area("area-aa-kreis", "Kreis Lippe", R.KreisAgs));
            s.Schedules.Add(WeekSchedule("sch-aa-detmold", L.AgenturDetmold,
                [.. Hours("08:00", "12:30", MondayToFriday), Hours(D.Thursday, "14:00", "18:00")], appointmentOnly: false));
            s.Contacts.Add(Contact("con-aa-service", "Service-Center", "detmold@arbeitsagentur.example", "+49 800 555-5500", "de", "en"));
            s.Funding.Add(new Funding { Source = "Bundesagentur für Arbeit" });
        });

    private static Service JobcenterIntegration() => Base(
            "svc-jc-eingliederung", O.Jobcenter, "Bürgergeld und Eingliederung in Arbeit",
            "Leistungen zum Lebensunterhalt, Vermittlung in Arbeit, Förderung von Sprachkursen und Weiterbildung.",
            "Antrag online oder am Empfang; danach Termin bei der Integrationsfachkraft.",
            English("Citizen's income and help into work", "Living allowance, job placement, funding for language courses and further training.",
                "Apply online or at reception; you then get an appointment with an integration adviser."),
            Arabic("إعانة المواطن والمساعدة في الاندماج في العمل", "إعانات المعيشة والتوسط في العمل وتمويل دورات اللغة والتعليم المستمر.",
                "قدّم الطلب عبر الإنترنت أو في مكتب الاستقبال، ثم تحصل على موعد مع مستشار الاندماج."))
        .With(s =>
        {
            s.Topics.Add([Topic.Arbeit, Topic.Sprache, Topic.Bildung]);
            s.TargetGroups.Add([TargetGroup.Refugees, TargetGroup.Families]);
            s.Languages.Add(["de", "en", "ar", "uk", "ru"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Phone]);
            s.ServiceAreas.Add(Area("area-jc-kreis", "Kreis Lippe", R.KreisAgs));
            s.Eligibility = new Eligibility { MinimumAge = 15, Description = "Erwerbsfähige Leistungsberechtigte ab 15 Jahren und ihre Bedarfsgemeinschaft." };
            s.Eligibility.ResidenceStatuses.Add([ResidenceStatus.ResidencePermit, ResidenceStatus.SettlementPermit, ResidenceStatus.TemporaryProtection, ResidenceStatus.GermanCitizen, ResidenceStatus.EuFreedomOfMovement]);
            s.Schedules.Add(WeekSchedule("sch-jc-detmold", L.JobcenterDetmold, Hours("08:00", "12:00", MondayToFriday).ToArray(), appointmentOnly: false));
            s.Schedules.Add(WeekSchedule("sch-jc-bad-salzuflen", L.JobcenterBadSalzuflen, Hours("08:00", "12:00", D.Monday, D.Wednesday, D.Friday).ToArray(), appointmentOnly: false));
            s.Contacts.Add(Contact("con-jc-hotline", "Service-Hotline", "jobcenter@jobcenter-lippe.example", "+49 5231 555-0300", "de", "ar", "uk"));
            s.Funding.Add(new Funding { Source = "Bund und Kreis Lippe" });
        });

    private static Service WelcomeCenter() => Base(
            "svc-wc-ankommen", O.WelcomeCenter, "Ankommen in Lippe: Welcome Center",
            "Informationen zu Wohnen, Kita, Schule, Anerkennung und Alltag für neu zugezogene Fachkräfte und ihre Familien; Lotsenfunktion zu allen Behörden.",
            "Einfach per E-Mail oder Video-Termin melden.",
            English("Arriving in Lippe: Welcome Center", "Information on housing, childcare, school, recognition and everyday life for newly arrived skilled workers and their families.",
                "Just get in touch by e-mail or book a video call."),
            Arabic("الوصول إلى ليبه: مركز الترحيب", "معلومات حول السكن ورياض الأطفال والمدرسة والاعتراف بالمؤهلات والحياة اليومية للكفاءات القادمة حديثاً وعائلاتهم.",
                "تواصل معنا بالبريد الإلكتروني أو احجز موعد مكالمة فيديو."))
        .With(s =>
        {
            s.Topics.Add([Topic.AllgemeineBeratung, Topic.Wohnen, Topic.FamilieKinderbetreuung, Topic.Arbeit]);
            s.TargetGroups.Add([TargetGroup.SkilledWorkers, TargetGroup.Families, TargetGroup.Employers, TargetGroup.Students]);
            s.Languages.Add(["de", "en", "es", "ar"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Online]);
            s.ServiceAreas.Add(Area("area-wc-kreis", "Kreis Lippe", R.KreisAgs));
            s.Schedules.Add(WeekSchedule("sch-wc-kreishaus", L.Kreishaus, Hours("09:00", "15:00", MondayToThursday).ToArray(), appointmentOnly: false));
            s.Schedules.Add(WeekSchedule("sch-wc-online", L.Online, [Hours(D.Friday, "09:00", "12:00")], appointmentOnly: true,
                bookingUrl: "https://termine.kreis-lippe.example/welcome", attendingType: AttendingType.Online));
            s.Contacts.Add(Contact("con-wc-team", "Team Welcome Center", "welcome@kreis-lippe.example", "+49 5231 555-0400", "de", "en", "es"));
            s.Funding.Add(new Funding { Source = "Land NRW", EndsOn = Day(2027, 12, 31) });
        });

    private static Service Mbe(string id, string organizationId, string provider, string scheduleId, string locationId, ServiceArea area, string[] languages) => Base(
            id, organizationId, $"Migrationsberatung für Erwachsene (MBE) – {provider}",
            "Individuelle Beratung für Zugewanderte ab 27 Jahren zu Sprache, Arbeit, Wohnen, Gesundheit und Familie. Kostenlos und vertraulich.",
            "Termin telefonisch oder per E-Mail vereinbaren; offene Sprechstunde dienstags.",
            English($"Migration advice for adults (MBE) – {provider}", "Individual advice for immigrants aged 27 and over on language, work, housing, health and family. Free and confidential.",
                "Make an appointment by phone or e-mail; open consultation on Tuesdays."),
            Arabic("استشارات الهجرة للبالغين", "استشارة فردية للمهاجرين من عمر 27 عاماً فما فوق حول اللغة والعمل والسكن والصحة والأسرة. مجانية وسرية.",
                "احجز موعداً عبر الهاتف أو البريد الإلكتروني؛ ساعات استقبال مفتوحة أيام الثلاثاء."))
        .With(s =>
        {
            s.Topics.Add([Topic.AllgemeineBeratung, Topic.Sprache, Topic.Arbeit, Topic.Wohnen, Topic.Gesundheit]);
            s.TargetGroups.Add([TargetGroup.All, TargetGroup.Refugees, TargetGroup.EuCitizens]);
            s.Eligibility = new Eligibility { MinimumAge = 27, Description = "Zugewanderte ab 27 Jahren." };
            s.Languages.Add(languages);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Phone, AttendingType.Online]);
            s.ServiceAreas.Add(area);
            s.Schedules.Add(WeekSchedule(scheduleId, locationId,
                [Hours(D.Tuesday, "09:00", "12:00"), Hours(D.Tuesday, "13:00", "16:00"), Hours(D.Thursday, "13:00", "17:00")], appointmentOnly: false));
            s.Contacts.Add(Contact($"con-{id}", "Migrationsberatung", $"mbe@{(organizationId == O.MbeCaritas ? "caritas-lippe-sued" : "awo-lippe-nord")}.example",
                organizationId == O.MbeCaritas ? "+49 5231 555-0500" : "+49 5261 555-0510", "de"));
            s.Funding.Add(new Funding { Source = "Bundesministerium des Innern (MBE)", EndsOn = Day(2026, 12, 31) });
        });

    private static Service Jmd(string id, string organizationId, string place, string scheduleId, string locationId, ServiceArea area, string[] languages, Date assured) => Base(
            id, organizationId, $"Jugendmigrationsdienst {place}",
            "Begleitung junger Menschen mit Migrationsgeschichte von 12 bis unter 27 Jahren in Schule, Ausbildung und Beruf; Gruppenangebote und Einzelberatung.",
            "Einfach vorbeikommen, anrufen oder über Social Media schreiben.",
            English($"Youth Migration Service {place}", "Support for young people with a migration background aged 12 to under 27 in school, training and work; group activities and individual advice.",
                "Drop in, call us or write to us on social media."),
            Arabic($"خدمة الهجرة للشباب {(place == "Detmold" ? "ديتمولد" : "باد زالتسوفلن")}", "مرافقة الشباب من أصول مهاجرة من عمر 12 حتى أقل من 27 عاماً في المدرسة والتدريب المهني والعمل، مع أنشطة جماعية واستشارات فردية.",
                "تعال مباشرة أو اتصل بنا أو راسلنا عبر وسائل التواصل الاجتماعي."))
        .With(s =>
        {
            s.Topics.Add([Topic.Bildung, Topic.Arbeit, Topic.Sprache, Topic.TeilhabeEhrenamt]);
            s.TargetGroups.Add(TargetGroup.YoungPeople);
            s.Eligibility = new Eligibility
            {
                MinimumAge = 12, MaximumAge = 27, MaximumAgeBound = AgeBound.Exclusive,
                Description = "Junge Menschen von 12 Jahren bis zum 27. Geburtstag.",
            };
            s.Languages.Add(languages);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Online, AttendingType.Mobile]);
            s.ServiceAreas.Add(area);
            s.Schedules.Add(WeekSchedule(scheduleId, locationId,
                [.. Hours("10:00", "13:00", MondayToThursday), Hours(D.Wednesday, "14:00", "18:00")], appointmentOnly: false));
            s.Contacts.Add(Contact($"con-{id}", "Team Jugendmigrationsdienst", $"jmd@{(organizationId == O.JmdDiakonie ? "diakonie-lippe-sued" : "drk-lippe-west")}.example",
                organizationId == O.JmdDiakonie ? "+49 5231 555-0600" : "+49 5222 555-0610", "de", "en"));
            s.Funding.Add(new Funding { Source = "Bundesministerium für Familie, Senioren, Frauen und Jugend (JMD)", EndsOn = Day(2026, 12, 31) });
            s.AssuredDate = assured.Clone();
        });

    private static Service RecognitionAdvice() => Base(
            "svc-iq-anerkennungsberatung", O.IqBeratung, "Anerkennungsberatung für ausländische Berufsabschlüsse",
            "Wir klären, welche Stelle Ihren Abschluss anerkennt, helfen beim Antrag und finden passende Anpassungsqualifizierungen.",
            "Termin per Telefon oder E-Mail; Beratung auch per Video.",
            English("Advice on recognition of foreign qualifications", "We find out which authority recognises your qualification, help with the application and find suitable bridging courses.",
                "Appointment by phone or e-mail; advice also by video."),
            Arabic("استشارة حول الاعتراف بالمؤهلات المهنية الأجنبية", "نساعدك في معرفة الجهة المختصة بالاعتراف بشهادتك وفي تقديم الطلب وإيجاد دورات التأهيل التكميلي المناسبة.",
                "احجز موعداً عبر الهاتف أو البريد الإلكتروني؛ الاستشارة متاحة أيضاً عبر الفيديو."))
        .With(s =>
        {
            s.Topics.Add([Topic.Anerkennung, Topic.Arbeit, Topic.Bildung]);
            s.TargetGroups.Add([TargetGroup.SkilledWorkers, TargetGroup.Refugees]);
            s.Eligibility = new Eligibility { MinimumAge = 18, Description = "Personen mit ausländischem Berufs- oder Hochschulabschluss." };
            s.Languages.Add(["de", "en", "ar", "ru", "tr", "uk"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Online, AttendingType.Phone]);
            s.ServiceAreas.Add(Area("area-iq-kreis", "Kreis Lippe", R.KreisAgs));
            s.RequiredDocuments.Add(new RequiredDocument { Document = "Zeugnisse und Fächerübersicht (Kopie genügt)", Uri = "" });
            s.Schedules.Add(WeekSchedule("sch-iq-detmold", L.IqDetmold, Hours("09:00", "16:00", D.Monday, D.Wednesday).ToArray(), appointmentOnly: true));
            s.Schedules.Add(WeekSchedule("sch-iq-online", L.Online, [Hours(D.Friday, "09:00", "13:00")], appointmentOnly: true, attendingType: AttendingType.Online));
            s.Contacts.Add(Contact("con-iq-beratung", "Beratung Anerkennung", "anerkennung@iq-owl.example", "+49 5231 555-0700", "de", "en", "ar"));
            s.Funding.Add(new Funding { Source = "Förderprogramm IQ (BMAS, ESF Plus)", EndsOn = Day(2028, 12, 31) });
        });

    private static Service IhkRecognition() => Base(
            "svc-ihk-anerkennung", O.Ihk, "Anerkennung von Abschlüssen in IHK-Berufen",
            "Erstberatung zur Gleichwertigkeitsprüfung kaufmännischer und technischer Berufe; Anträge bearbeitet die IHK FOSA.",
            "Unterlagen per E-Mail senden, danach Rückruf.",
            English("Recognition in IHK occupations", "First advice on equivalence assessment for commercial and technical occupations; applications are processed by IHK FOSA.",
                "Send your documents by e-mail; we will call you back."),
            Arabic("الاعتراف بالمؤهلات في مهن غرفة التجارة والصناعة", "استشارة أولية حول تقييم معادلة الشهادات في المهن التجارية والتقنية، وتعالج جهة IHK FOSA الطلبات.",
                "أرسل مستنداتك بالبريد الإلكتروني وسنتصل بك."))
        .With(s =>
        {
            s.Topics.Add(Topic.Anerkennung);
            s.TargetGroups.Add([TargetGroup.SkilledWorkers, TargetGroup.Employers]);
            s.Languages.Add(["de", "en"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Phone]);
            s.ServiceAreas.Add(Area("area-ihk-kreis", "Kreis Lippe", R.KreisAgs));
            s.FeesDescription = "Beratung kostenlos; das Anerkennungsverfahren kostet 100 bis 600 Euro.";
            s.Schedules.Add(WeekSchedule("sch-ihk-detmold", L.IhkDetmold, Hours("08:00", "16:00", MondayToThursday).ToArray(), appointmentOnly: true));
            s.Contacts.Add(Contact("con-ihk-anerkennung", "Anerkennungsberatung", "anerkennung@ihk-lippe.example", "+49 5231 555-0800", "de", "en"));
            s.Funding.Add(new Funding { Source = "IHK Lippe zu Detmold" });
        });

    private static Service HwkRecognition() => Base(
            "svc-hwk-anerkennung", O.Hwk, "Anerkennungsberatung im Handwerk",
            "Beratung zur Anerkennung ausländischer Abschlüsse in Handwerksberufen, z. B. Elektroniker, Friseurin oder Kfz-Mechatroniker.",
            "Sprechtag dienstags im Beratungsbüro Detmold, Termin empfohlen.",
            English("Recognition advice in skilled crafts", "Advice on recognition of foreign qualifications in craft occupations, e.g. electronics technician, hairdresser or car mechatronics technician.",
                "Consultation day on Tuesdays at the Detmold office; appointment recommended."),
            Arabic("استشارة الاعتراف في المهن الحرفية", "استشارة حول الاعتراف بالمؤهلات الأجنبية في المهن الحرفية، مثل فني الإلكترونيات أو مصففة الشعر أو ميكانيكي السيارات.",
                "يوم استشارة كل ثلاثاء في مكتب ديتمولد، ويُنصح بحجز موعد."))
        .With(s =>
        {
            s.Topics.Add([Topic.Anerkennung, Topic.Arbeit]);
            s.TargetGroups.Add([TargetGroup.SkilledWorkers, TargetGroup.Employers]);
            s.Languages.Add(["de", "en", "tr"]);
            s.AttendingTypes.Add(AttendingType.InPerson);
            s.ServiceAreas.Add(Area("area-hwk-kreis", "Kreis Lippe", R.KreisAgs));
            s.Schedules.Add(WeekSchedule("sch-hwk-detmold", L.HwkBeratungDetmold, [Hours(D.Tuesday, "09:00", "15:00")], appointmentOnly: false));
            s.Contacts.Add(Contact("con-hwk-anerkennung", "Anerkennungsberatung Handwerk", "anerkennung@hwk-owl.example", "+49 521 555-0900", "de"));
            s.Funding.Add(new Funding { Source = "Handwerkskammer OWL" });
        });

    private static Service IntegrationCourses() => Base(
            "svc-vhs-integrationskurse", O.VhsLippeWest, "Integrationskurse (Deutsch bis B1)",
            "Allgemeine Integrationskurse, Kurse mit Kinderbetreuung und Alphabetisierungskurse, mit Abschlussprüfung „Deutsch-Test für Zuwanderer“.",
            "Mit Berechtigungsschein oder Verpflichtung zum Einstufungstest anmelden.",
            English("Integration courses (German up to B1)", "General integration courses, courses with childcare and literacy courses, ending with the German test for immigrants.",
                "Register for the placement test with your certificate of eligibility."),
            Arabic("دورات الاندماج (اللغة الألمانية حتى المستوى B1)", "دورات اندماج عامة ودورات مع رعاية للأطفال ودورات محو الأمية، تنتهي باختبار اللغة الألمانية للمهاجرين.",
                "سجّل لاختبار تحديد المستوى مع شهادة الأهلية."))
        .With(s =>
        {
            s.Topics.Add(Topic.Sprache);
            s.TargetGroups.Add([TargetGroup.Refugees, TargetGroup.Women, TargetGroup.Families]);
            s.Eligibility = new Eligibility { MinimumAge = 16, Description = "Mit Berechtigung oder Verpflichtung durch BAMF, Ausländerbehörde oder Jobcenter." };
            s.Languages.Add("de");
            s.AttendingTypes.Add(AttendingType.InPerson);
            s.ServiceAreas.Add(Area("area-vhs-west", "Planungsraum West", R.West));
            s.FeesDescription = "Kostenbeitrag 2,29 Euro je Unterrichtsstunde; Befreiung möglich.";
            s.Capacity = new Capacity { Available = 8, Maximum = 20, Updated = CapacityUpdated.Clone() };
            s.Schedules.Add(WeekSchedule("sch-vhs-lage", L.VhsLage, Hours("08:30", "12:45", MondayToFriday).ToArray(), appointmentOnly: false));
            s.Contacts.Add(Contact("con-vhs-integrationskurse", "Kursberatung Integrationskurse", "integrationskurse@vhs-lippe-west.example", "+49 5232 555-1000", "de"));
            s.Funding.Add(new Funding { Source = "BAMF" });
        });

    private static Service JobGermanCourses() => Base(
            "svc-sprachinstitut-berufssprachkurse", O.Sprachinstitut, "Berufssprachkurse B1 bis C1",
            "Deutsch für den Beruf nach der DeuFöV, auch berufsbegleitend am Abend und mit Spezialmodulen für Pflege und Gewerbe.",
            "Anmeldung mit Berechtigungsschein der Agentur für Arbeit, des Jobcenters oder des BAMF.",
            English("Job-related German courses B1 to C1", "German for work, also in the evening alongside a job, with special modules for care and trades.",
                "Register with a certificate of eligibility from the employment agency, jobcenter or BAMF."),
            Arabic("دورات اللغة الألمانية المهنية من B1 إلى C1", "اللغة الألمانية للعمل، متاحة أيضاً مساءً إلى جانب العمل، مع وحدات خاصة بالتمريض والمهن الحرفية.",
                "التسجيل بشهادة أهلية من وكالة العمل أو مركز العمل أو المكتب الاتحادي للهجرة واللاجئين."))
        .With(s =>
        {
            s.Topics.Add([Topic.Sprache, Topic.Arbeit]);
            s.TargetGroups.Add([TargetGroup.SkilledWorkers, TargetGroup.Refugees]);
            s.Eligibility = new Eligibility { MinimumAge = 18, Description = "Mit Berechtigungsschein; Deutschkenntnisse mindestens B1." };
            s.Languages.Add("de");
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Online]);
            s.ServiceAreas.Add(Area("area-sprachinstitut", "Kreis Lippe", R.KreisAgs));
            s.Capacity = new Capacity { Available = 0, Maximum = 16, Updated = CapacityUpdated.Clone() };
            s.Schedules.Add(WeekSchedule("sch-sprachinstitut-abend", L.SprachinstitutLemgo, Hours("17:30", "20:45", D.Monday, D.Wednesday).ToArray(), appointmentOnly: false));
            s.Contacts.Add(Contact("con-sprachinstitut", "Kursbüro", "kurse@sprachinstitut-teutoburg.example", "+49 5261 555-1100", "de", "en"));
            s.Funding.Add(new Funding { Source = "BAMF (DeuFöV)" });
        });

    private static Service LanguageCafe() => Base(
            "svc-ikv-sprachcafe", O.MigrantOrganisation, "Interkulturelles Sprachcafé",
            "Deutsch üben in entspannter Runde mit Ehrenamtlichen, Tee und Kuchen. Ohne Anmeldung, Kinder sind willkommen.",
            "Einfach vorbeikommen.",
            English("Intercultural language café", "Practise German in a relaxed group with volunteers, tea and cake. No registration needed, children welcome.",
                "Just drop in."),
            Arabic("مقهى اللغة بين الثقافات", "تدرّب على اللغة الألمانية في جو مريح مع متطوعين وشاي وكعك. لا حاجة للتسجيل، والأطفال مرحّب بهم.",
                "تعال مباشرة."))
        .With(s =>
        {
            s.Topics.Add([Topic.Sprache, Topic.TeilhabeEhrenamt]);
            s.TargetGroups.Add(TargetGroup.All);
            s.Languages.Add(["de", "ar", "fa", "ku"]);
            s.AttendingTypes.Add(AttendingType.InPerson);
            s.ServiceAreas.Add(Area("area-ikv-detmold", "Detmold und Umgebung", R.Detmold, R.HornBadMeinberg, R.Lage));
            s.Schedules.Add(WeekSchedule("sch-ikv-sprachcafe", L.IkvDetmold, [Hours(D.Friday, "15:00", "18:00")], appointmentOnly: false));
            s.Contacts.Add(Contact("con-ikv", "Vereinsbüro", "kontakt@ikv-lippe.example", "+49 5231 555-1200", "de", "ar"));
            // Ended on purpose: the staleness report must list this service under "funding_ended".
            s.Funding.Add(new Funding { Source = "Land NRW – KOMM-AN NRW", EndsOn = Day(2025, 12, 31) });
            s.AssuredDate = Day(2025, 3, 20);
        });

    private static Service IntegrationGuidesDetmold() => Base(
            "svc-ib-detmold-integrationslotsen", O.IntegrationsbueroDetmold, "Integrationslotsen der Stadt Detmold",
            "Ehrenamtliche Lotsinnen und Lotsen begleiten zu Ämtern, Ärzten und Schulen und helfen beim Ausfüllen von Formularen.",
            "Anfrage beim Integrationsbüro im Rathaus; die Vermittlung dauert etwa eine Woche.",
            English("Integration guides of the city of Detmold", "Volunteer guides go with you to public offices, doctors and schools and help you fill in forms.",
                "Ask at the integration office in the town hall; finding a guide takes about a week."),
            Arabic("مرشدو الاندماج في مدينة ديتمولد", "يرافقك مرشدون متطوعون إلى الدوائر الحكومية والأطباء والمدارس ويساعدونك في ملء الاستمارات.",
                "اسأل في مكتب الاندماج في مبنى البلدية؛ يستغرق إيجاد مرشد نحو أسبوع."))
        .With(s =>
        {
            s.Topics.Add([Topic.TeilhabeEhrenamt, Topic.AllgemeineBeratung, Topic.Gesundheit]);
            s.TargetGroups.Add([TargetGroup.Refugees, TargetGroup.Families]);
            s.Languages.Add(["de", "ar", "uk", "ru", "tr"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Mobile]);
            s.ServiceAreas.Add(Area("area-ib-detmold", "Stadt Detmold", R.Detmold));
            s.Schedules.Add(WeekSchedule("sch-ib-rathaus", L.RathausDetmold, [.. Hours("09:00", "12:00", D.Monday, D.Wednesday), Hours(D.Thursday, "14:00", "18:00")], appointmentOnly: false));
            s.Contacts.Add(Contact("con-ib-detmold", "Integrationsbüro", "integration@detmold.example", "+49 5231 555-1300", "de", "en"));
            s.Funding.Add(new Funding { Source = "Stadt Detmold" });
            s.Ownership = Owner(O.IntegrationsbueroDetmold, R.Detmold);
        });

    private static Service WomensMeeting() => Base(
            "svc-ikv-frauentreff", O.MigrantOrganisation, "Frauentreff mit Kinderbetreuung",
            "Wöchentliches Treffen für Frauen mit Kinderbetreuung; zurzeit pausiert, bis neue Räume gefunden sind.",
            "",
            English("Women's meeting with childcare", "Weekly meeting for women with childcare; paused until new rooms are found."),
            Arabic("لقاء النساء مع رعاية الأطفال", "لقاء أسبوعي للنساء مع رعاية للأطفال؛ متوقف حالياً حتى نجد مكاناً جديداً."))
        .With(s =>
        {
            s.Status = ServiceStatus.Inactive;
            s.Topics.Add([Topic.FamilieKinderbetreuung, Topic.TeilhabeEhrenamt]);
            s.TargetGroups.Add(TargetGroup.Women);
            s.Languages.Add(["de", "ar", "ti"]);
            s.AttendingTypes.Add(AttendingType.InPerson);
            s.ServiceAreas.Add(Area("area-ikv-frauentreff", "Detmold", R.Detmold));
            s.Contacts.Add(Contact("con-ikv-frauentreff", "Vereinsbüro", "kontakt@ikv-lippe.example", "+49 5231 555-1200", "de", "ar"));
        });

    // The Kita contact that routing suggests for children under 6 (docs/referrals.md): families, not children, are
    // its clients, so it has no age bounds.
    private static Service KitaContact() => Base(
            "svc-jugendamt-kita", O.Jugendamt, "Kita-Platz und Kindertagespflege",
            "Beratung zu Kita-Plätzen und Kindertagespflege für Kinder unter 6 Jahren; Anmeldung im Kita-Portal und Hilfe beim Antrag.",
            "Termin telefonisch oder per E-Mail vereinbaren; Anmeldung im Kita-Portal des Kreises.",
            English("Day-care places and childminders", "Advice on day-care places (Kita) and childminders for children under 6; registration in the county's Kita portal and help with the application.",
                "Make an appointment by phone or e-mail; register in the county's Kita portal."),
            Arabic("أماكن رياض الأطفال والرعاية النهارية", "استشارة حول أماكن رياض الأطفال والرعاية النهارية للأطفال دون سن السادسة، والتسجيل في بوابة رياض الأطفال والمساعدة في الطلب.",
                "احجز موعداً عبر الهاتف أو البريد الإلكتروني؛ سجّل في بوابة رياض الأطفال في المقاطعة."))
        .With(s =>
        {
            s.Topics.Add(Topic.FamilieKinderbetreuung);
            s.TargetGroups.Add(TargetGroup.Families);
            s.Languages.Add(["de", "en", "ar", "uk"]);
            s.AttendingTypes.Add([AttendingType.InPerson, AttendingType.Phone]);
            s.ServiceAreas.Add(Area("area-jugendamt-kreis", "Kreis Lippe", R.KreisAgs));
            s.Schedules.Add(WeekSchedule("sch-jugendamt-kita", L.Kreishaus, Hours("08:30", "12:00", MondayToFriday).ToArray(), appointmentOnly: true));
            s.Contacts.Add(Contact("con-jugendamt-kita", "Kita-Platzvermittlung", "kita@kreis-lippe.example", "+49 5231 555-1400", "de", "en"));
            s.Funding.Add(new Funding { Source = "Kreis Lippe" });
        });

    /// <summary>The fields every demo service has: texts, owner, status, assurance and modification dates.</summary>
    private static Service Base(string id, string organizationId, string name, string description, string applicationProcess,
        Translation english, Translation arabic)
    {
        var service = new Service
        {
            Id = id,
            OrganizationId = organizationId,
            Name = name,
            Description = description,
            ApplicationProcess = applicationProcess,
            Status = ServiceStatus.Active,
            AssuredDate = Assured.Clone(),
            AssurerEmail = "redaktion@kreis-lippe.example",
            Ownership = Owner(organizationId),
            LastModified = LastModified.Clone(),
        };
        service.Translations.Add(english);
        service.Translations.Add(arabic);
        return service;
    }

    private static Schedule WeekSchedule(string id, string locationId, OpeningHours[] weekly, bool appointmentOnly,
        string bookingUrl = "", AttendingType attendingType = AttendingType.InPerson, ScheduleException? extra = null)
    {
        var schedule = new Schedule
        {
            Id = id,
            LocationId = locationId,
            AppointmentOnly = appointmentOnly,
            BookingUrl = bookingUrl,
            AttendingType = attendingType,
            ValidFrom = Day(2026, 1, 1),
            Notes = appointmentOnly ? "Nur mit Termin." : "",
        };
        schedule.Weekly.Add(weekly);
        schedule.Exceptions.Add(HolidayClosures());
        if (extra is not null)
        {
            schedule.Exceptions.Add(extra);
        }
        return schedule;
    }

    private static Service With(this Service service, Action<Service> configure)
    {
        configure(service);
        return service;
    }
}
