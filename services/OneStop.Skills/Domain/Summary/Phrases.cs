using OneStop.Skills.V1;

namespace OneStop.Skills.Domain.Summary;

/// <summary>The summary's sentences in one language. {0}, {1}: the occupation's label and code, or the course.</summary>
public sealed record Phrases(
    string Qualification,          // {0} title, {1} country, {2} DQR, {3} occupation
    string Blocked,                // {0} occupation
    string Skill,                  // {0} occupation, {1} years, {2} evidence
    string German,                 // {0} listening, {1} reading, {2} speaking, {3} writing
    string NoGerman,
    string Underemployed,
    IReadOnlyDictionary<NextStepKind, string> Steps, // {0} occupation or course
    IReadOnlyDictionary<CourseType, string> Courses,
    IReadOnlyDictionary<EvidenceLevel, string> Evidence)
{
    public static readonly IReadOnlyDictionary<string, Phrases> ByLanguage = new Dictionary<string, Phrases>(StringComparer.Ordinal)
    {
        ["de"] = new(
            "Abschluss: {0} ({1}), Niveau DQR {2}, Referenzberuf {3}.",
            "Sie dürfen noch nicht als {0} arbeiten: Der Beruf ist reglementiert und Ihr Abschluss ist noch nicht voll anerkannt.",
            "Erfahrung: {0}, {1} Jahre ({2}).",
            "Deutsch: Hören {0}, Lesen {1}, Sprechen {2}, Schreiben {3}.",
            "Deutsch: noch nicht eingestuft.",
            "Sie arbeiten deutlich unter Ihrer Qualifikation.",
            new Dictionary<NextStepKind, string>
            {
                [NextStepKind.StartRecognition] = "Anerkennung beantragen für {0}.",
                [NextStepKind.CompensationMeasure] = "Ausgleichsmaßnahme machen für {0}; danach ist die volle Anerkennung möglich.",
                [NextStepKind.PlacementTest] = "Einstufungstest Deutsch machen.",
                [NextStepKind.PracticalSkillsTest] = "Praktischen Kompetenztest (MySkills) machen für {0}.",
                [NextStepKind.LanguageCourse] = "Kurs: {0}.",
                [NextStepKind.BringCertificate] = "Zeugnis für {0} beschaffen (Kopie, Übersetzung).",
                [NextStepKind.JobMatching] = "Arbeit auf dem Niveau Ihres Abschlusses suchen.",
            },
            new Dictionary<CourseType, string>
            {
                [CourseType.GeneralIntegration] = "allgemeiner Integrationskurs",
                [CourseType.Literacy] = "Integrationskurs mit Alphabetisierung",
                [CourseType.Youth] = "Jugendintegrationskurs",
                [CourseType.WomenWithChildcare] = "Frauenintegrationskurs mit Kinderbetreuung",
                [CourseType.Intensive] = "Intensivkurs",
            },
            new Dictionary<EvidenceLevel, string>
            {
                [EvidenceLevel.SelfReported] = "eigene Angabe",
                [EvidenceLevel.PracticalTest] = "im praktischen Test gezeigt",
                [EvidenceLevel.EmployerReference] = "Arbeitszeugnis",
                [EvidenceLevel.Certified] = "zertifiziert",
            }),
        ["en"] = new(
            "Qualification: {0} ({1}), level DQR {2}, reference occupation {3}.",
            "You may not work as {0} yet: the occupation is regulated and your qualification is not fully recognized.",
            "Experience: {0}, {1} years ({2}).",
            "German: listening {0}, reading {1}, speaking {2}, writing {3}.",
            "German: not assessed yet.",
            "Your work is well below your qualification.",
            new Dictionary<NextStepKind, string>
            {
                [NextStepKind.StartRecognition] = "Apply for recognition for {0}.",
                [NextStepKind.CompensationMeasure] = "Complete the compensation measure for {0}; then full recognition is possible.",
                [NextStepKind.PlacementTest] = "Take a German placement test.",
                [NextStepKind.PracticalSkillsTest] = "Take a practical skills test (MySkills) for {0}.",
                [NextStepKind.LanguageCourse] = "Course: {0}.",
                [NextStepKind.BringCertificate] = "Get your certificate for {0} (copy, translation).",
                [NextStepKind.JobMatching] = "Look for work at the level of your qualification.",
            },
            new Dictionary<CourseType, string>
            {
                [CourseType.GeneralIntegration] = "general integration course",
                [CourseType.Literacy] = "integration course with literacy",
                [CourseType.Youth] = "youth integration course",
                [CourseType.WomenWithChildcare] = "women's integration course with childcare",
                [CourseType.Intensive] = "intensive course",
            },
            new Dictionary<EvidenceLevel, string>
            {
                [EvidenceLevel.SelfReported] = "self-reported",
                [EvidenceLevel.PracticalTest] = "shown in a practical test",
                [EvidenceLevel.EmployerReference] = "employer reference",
                [EvidenceLevel.Certified] = "certified",
            }),
        ["ar"] = new(
            "المؤهل: {0} ({1})، المستوى DQR {2}، المهنة المرجعية {3}.",
            "لا يُسمح لك بعد بالعمل في مهنة {0}: المهنة منظمة قانونياً ومؤهلك غير معترف به بالكامل بعد.",
            "الخبرة: {0}، {1} سنوات ({2}).",
            "الألمانية: الاستماع {0}، القراءة {1}، التحدث {2}، الكتابة {3}.",
            "الألمانية: لم يتم تحديد المستوى بعد.",
            "عملك الحالي أقل بكثير من مؤهلك.",
            new Dictionary<NextStepKind, string>
            {
                [NextStepKind.StartRecognition] = "قدّم طلب الاعتراف بمؤهلك في {0}.",
                [NextStepKind.CompensationMeasure] = "أكمل الإجراء التعويضي في {0}؛ بعد ذلك يمكن الاعتراف الكامل.",
                [NextStepKind.PlacementTest] = "قم باختبار تحديد المستوى في اللغة الألمانية.",
                [NextStepKind.PracticalSkillsTest] = "قم باختبار عملي للمهارات (MySkills) في {0}.",
                [NextStepKind.LanguageCourse] = "الدورة: {0}.",
                [NextStepKind.BringCertificate] = "احصل على شهادتك في {0} (نسخة، ترجمة).",
                [NextStepKind.JobMatching] = "ابحث عن عمل بمستوى مؤهلك.",
            },
            new Dictionary<CourseType, string>
            {
                [CourseType.GeneralIntegration] = "دورة الاندماج العامة",
                [CourseType.Literacy] = "دورة الاندماج مع تعليم القراءة والكتابة",
                [CourseType.Youth] = "دورة الاندماج للشباب",
                [CourseType.WomenWithChildcare] = "دورة الاندماج للنساء مع رعاية الأطفال",
                [CourseType.Intensive] = "دورة مكثفة",
            },
            new Dictionary<EvidenceLevel, string>
            {
                [EvidenceLevel.SelfReported] = "حسب أقوالك",
                [EvidenceLevel.PracticalTest] = "ظهرت في اختبار عملي",
                [EvidenceLevel.EmployerReference] = "شهادة من صاحب العمل",
                [EvidenceLevel.Certified] = "موثقة بشهادة",
            }),
        ["uk"] = new(
            "Кваліфікація: {0} ({1}), рівень DQR {2}, референтна професія {3}.",
            "Ви поки що не можете працювати як {0}: професія регульована, а вашу кваліфікацію ще не визнано повністю.",
            "Досвід: {0}, {1} років ({2}).",
            "Німецька: слухання {0}, читання {1}, говоріння {2}, письмо {3}.",
            "Німецька: рівень ще не визначено.",
            "Ваша робота значно нижча за вашу кваліфікацію.",
            new Dictionary<NextStepKind, string>
            {
                [NextStepKind.StartRecognition] = "Подати заяву на визнання для {0}.",
                [NextStepKind.CompensationMeasure] = "Пройти компенсаційний захід для {0}; після цього можливе повне визнання.",
                [NextStepKind.PlacementTest] = "Скласти тест на визначення рівня німецької.",
                [NextStepKind.PracticalSkillsTest] = "Скласти практичний тест навичок (MySkills) для {0}.",
                [NextStepKind.LanguageCourse] = "Курс: {0}.",
                [NextStepKind.BringCertificate] = "Отримати документ про освіту для {0} (копія, переклад).",
                [NextStepKind.JobMatching] = "Шукати роботу на рівні вашої кваліфікації.",
            },
            new Dictionary<CourseType, string>
            {
                [CourseType.GeneralIntegration] = "загальний інтеграційний курс",
                [CourseType.Literacy] = "інтеграційний курс з навчанням грамоти",
                [CourseType.Youth] = "молодіжний інтеграційний курс",
                [CourseType.WomenWithChildcare] = "жіночий інтеграційний курс з доглядом за дітьми",
                [CourseType.Intensive] = "інтенсивний курс",
            },
            new Dictionary<EvidenceLevel, string>
            {
                [EvidenceLevel.SelfReported] = "за вашими словами",
                [EvidenceLevel.PracticalTest] = "показано на практичному тесті",
                [EvidenceLevel.EmployerReference] = "відгук роботодавця",
                [EvidenceLevel.Certified] = "сертифіковано",
            }),
    };
}
