using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>
/// Reads an HSDS schedule object. Our own exports carry the exact hours in x_onestop; plain HSDS data from other
/// systems gives byday + opens_at/closes_at, which become one range on each listed day.
/// </summary>
internal static class HsdsScheduleReader
{
    public static Schedule Read(HsdsNode node)
    {
        var profile = node.Extension();
        var schedule = new Schedule
        {
            Id = node.String("id"),
            LocationId = node.String("location_id"),
            ValidFrom = node.Date("valid_from"),
            ValidTo = node.Date("valid_to"),
            BookingUrl = node.String("schedule_link"),
            AttendingType = node.Enum<AttendingType>("attending_type"),
            Notes = node.String("notes"),
            AppointmentOnly = profile.Bool("appointment_only"),
        };
        if (profile.Has("weekly"))
        {
            schedule.Weekly.Add(ReadHours(profile, "weekly"));
        }
        else
        {
            schedule.Weekly.Add(FromByDay(node));
        }
        schedule.Exceptions.Add(profile.Objects("exceptions").Select(e =>
        {
            var exception = new ScheduleException { Date = e.Date("date"), Closed = e.Bool("closed"), Description = e.String("description") };
            exception.Hours.Add(ReadHours(e, "hours"));
            return exception;
        }));
        return schedule;
    }

    private static IEnumerable<OpeningHours> ReadHours(HsdsNode node, string name) =>
        node.Objects(name).Select(h => new OpeningHours { Day = h.Enum<V1.DayOfWeek>("day"), OpensAt = h.String("opens_at"), ClosesAt = h.String("closes_at") });

    private static IEnumerable<OpeningHours> FromByDay(HsdsNode node)
    {
        var opensAt = node.String("opens_at");
        var closesAt = node.String("closes_at");
        var byDay = node.String("byday");
        if (opensAt.Length == 0 || closesAt.Length == 0 || byDay.Length == 0)
        {
            yield break;
        }
        foreach (var code in byDay.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var day = DayFromCode(code) ?? throw HsdsImportError.At($"{node.Path}.byday", $"\"{code}\" is not a weekday code (MO..SU)");
            yield return new OpeningHours { Day = day, OpensAt = opensAt, ClosesAt = closesAt };
        }
    }

    private static V1.DayOfWeek? DayFromCode(string code) => code.ToUpperInvariant() switch
    {
        "MO" => V1.DayOfWeek.Monday,
        "TU" => V1.DayOfWeek.Tuesday,
        "WE" => V1.DayOfWeek.Wednesday,
        "TH" => V1.DayOfWeek.Thursday,
        "FR" => V1.DayOfWeek.Friday,
        "SA" => V1.DayOfWeek.Saturday,
        "SU" => V1.DayOfWeek.Sunday,
        _ => null,
    };
}
