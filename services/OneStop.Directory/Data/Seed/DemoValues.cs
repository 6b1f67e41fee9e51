using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;
using ProtoDayOfWeek = OneStop.Directory.V1.DayOfWeek;

namespace OneStop.Directory.Data.Seed;

/// <summary>
/// Small builders that keep the demo data readable. Every value here is fixed (no clock), so seeding twice writes
/// the same records and re-seeding is idempotent.
/// </summary>
internal static class DemoValues
{
    /// <summary>The last_modified of every demo record: a fixed instant, never "now".</summary>
    public static readonly Timestamp LastModified = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Ownership Owner(string organizationId, string regionAgs = DemoRegions.KreisAgs) =>
        new() { OrganizationId = organizationId, RegionAgs = regionAgs };

    public static Translation English(string name, string description, string applicationProcess = "") => new()
    {
        Language = "en",
        Name = name,
        Description = description,
        ApplicationProcess = applicationProcess,
        TextDirection = TextDirection.Ltr,
    };

    public static Translation Arabic(string name, string description, string applicationProcess = "") => new()
    {
        Language = "ar",
        Name = name,
        Description = description,
        ApplicationProcess = applicationProcess,
        TextDirection = TextDirection.Rtl,
    };

    public static OpeningHours Hours(ProtoDayOfWeek day, string opensAt, string closesAt) =>
        new() { Day = day, OpensAt = opensAt, ClosesAt = closesAt };

    /// <summary>The same hours on several weekdays.</summary>
    public static IEnumerable<OpeningHours> Hours(string opensAt, string closesAt, params ProtoDayOfWeek[] days) =>
        days.Select(d => Hours(d, opensAt, closesAt));

    /// <summary>Closing days every office in the demo county shares (Christmas Eve, New Year's Eve).</summary>
    public static IEnumerable<ScheduleException> HolidayClosures() =>
    [
        new ScheduleException { Date = Day(2026, 12, 24), Closed = true, Description = "Heiligabend: geschlossen" },
        new ScheduleException { Date = Day(2026, 12, 31), Closed = true, Description = "Silvester: geschlossen" },
    ];

    public static ServiceArea Area(string id, string name, params string[] ags)
    {
        var area = new ServiceArea { Id = id, Name = name };
        area.MunicipalityAgs.Add(ags);
        return area;
    }

    public static Contact Contact(string id, string function, string email, string phone, params string[] phoneLanguages)
    {
        var contact = new Contact { Id = id, Function = function, Email = email };
        var number = new Phone { Number = phone, Type = "voice" };
        number.Languages.Add(phoneLanguages);
        contact.Phones.Add(number);
        return contact;
    }
}
