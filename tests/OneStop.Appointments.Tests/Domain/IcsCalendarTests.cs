using System.Text;
using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

public sealed class IcsCalendarTests
{
    private static readonly DateTimeOffset Stamp = Utc(2026, 3, 20, 8, 15);

    private static Appointment Booked(DateTimeOffset start, DateTimeOffset end, int sequence = 0) => new()
    {
        Id = "apt-0001",
        ClientId = "client-pseudo-4711",
        Start = Timestamp.FromDateTimeOffset(start),
        End = Timestamp.FromDateTimeOffset(end),
        Status = AppointmentStatus.Booked,
        Sequence = sequence,
        LocationId = "loc-ip",
    };

    /// <summary>Logical lines: CRLF-split, continuation lines (leading space) joined back.</summary>
    private static List<string> Unfold(string ics) =>
        [.. ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    [Fact]
    public void Across_spring_forward_writes_local_times_with_tzid_and_the_vtimezone()
    {
        // 01:30 CET → 03:30 CEST on 2026-03-29: one real hour.
        var ics = IcsCalendar.Write(Booked(Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 30)), Stamp);
        var lines = Unfold(ics);

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260329T013000", lines);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20260329T033000", lines);
        Assert.Contains("DTSTAMP:20260320T081500Z", lines);
        Assert.Contains("TZID:Europe/Berlin", lines);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", lines);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", lines);
        Assert.True(lines.IndexOf("BEGIN:VTIMEZONE") < lines.IndexOf("BEGIN:VEVENT"));
    }

    [Fact]
    public void Across_fall_back_writes_local_times_and_the_second_occurrence_in_utc()
    {
        // 01:30 CEST (23:30Z) → 02:30 CET (01:30Z): the end is the second 02:30, which a TZID time cannot say.
        var lines = Unfold(IcsCalendar.Write(Booked(Utc(2026, 10, 24, 23, 30), Utc(2026, 10, 25, 1, 30)), Stamp));

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261025T013000", lines);
        Assert.Contains("DTEND:20261025T013000Z", lines);

        // The first 02:30 is written as local time.
        var first = Unfold(IcsCalendar.Write(Booked(Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 2, 30)), Stamp));
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261025T023000", first);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20261025T033000", first);
    }

    [Theory]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z")] // across spring-forward
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25T01:30:00Z")] // ends at the second 02:30 (written in UTC)
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T02:30:00Z")] // starts at the first 02:30
    [InlineData("2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z")]
    public void A_calendar_reader_gets_back_the_same_instants(string start, string end)
    {
        var from = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture);

        var read = Ical.Net.Calendar.Load(IcsCalendar.Write(Booked(from, to, sequence: 4), Stamp));

        var entry = Assert.Single(read!.Events);
        Assert.Equal(from.UtcDateTime, entry.DtStart!.AsUtc);
        Assert.Equal(to.UtcDateTime, entry.DtEnd!.AsUtc);
        Assert.Equal("apt-0001@onestop", entry.Uid);
        Assert.Equal(4, entry.Sequence);
    }

    [Fact]
    public void The_vtimezone_rules_start_on_dates_their_rrule_produces()
    {
        // DTSTART of a VTIMEZONE rule must be an occurrence: a last Sunday of March (02:00) or October (03:00).
        var lines = Unfold(IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), Stamp));
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();

        var starts = zone.Where(l => l.StartsWith("DTSTART:", StringComparison.Ordinal))
            .Select(l => DateTime.ParseExact(l["DTSTART:".Length..], "yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(2, starts.Count);
        Assert.All(starts, start =>
        {
            Assert.Equal(DayOfWeek.Sunday, start.DayOfWeek);
            Assert.NotEqual(start.Month, start.AddDays(7).Month);
            Assert.Equal(start.Month == 3 ? 2 : 3, start.Hour);
        });
        Assert.Equal([3, 10], starts.Select(s => s.Month).Order());
    }

    [Fact]
    public void Every_line_ends_with_crlf_and_none_is_longer_than_75_octets()
    {
        var text = new IcsEventText(
            Summary: "Gemeinsamer Termin Ausländerbehörde, Agentur für Arbeit; MBE – Beratung zur Anerkennung ausländischer Berufsabschlüsse ÄÖÜ äöü ß",
            Description: string.Concat(Enumerable.Repeat("Übersetzung Arabisch/Deutsch; ", 10)));
        var ics = IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), Stamp, text);

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}");
        }
        var summary = Unfold(ics).Single(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal(@"SUMMARY:Gemeinsamer Termin Ausländerbehörde\, Agentur für Arbeit\; MBE – Beratung zur Anerkennung ausländischer Berufsabschlüsse ÄÖÜ äöü ß", summary);
    }

    [Fact]
    public void Folding_never_splits_a_multibyte_character()
    {
        var text = new IcsEventText(Description: new string('ä', 100));
        var ics = IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), Stamp, text);

        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
        Assert.Contains("DESCRIPTION:" + new string('ä', 100), Unfold(ics));
        Assert.Contains("\r\n ", ics, StringComparison.Ordinal); // it was folded
    }

    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("line1\nline2", @"line1\nline2")]
    [InlineData("line1\r\nline2", @"line1\nline2")]
    [InlineData("bell\u0007 and tab\t", "bell and tab\t")] // TEXT allows no control characters but tab
    public void Text_values_are_escaped(string value, string escaped)
    {
        var lines = Unfold(IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), Stamp, new IcsEventText(Summary: value)));

        Assert.Contains("SUMMARY:" + escaped, lines);
    }

    [Fact]
    public void The_uid_is_stable_and_the_sequence_comes_from_the_appointment()
    {
        var first = Unfold(IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10), sequence: 0), Stamp, Organized));
        var moved = Unfold(IcsCalendar.Write(Booked(Utc(2026, 12, 8, 9), Utc(2026, 12, 8, 10), sequence: 3), Stamp.AddDays(1), Organized));

        Assert.Contains("UID:apt-0001@onestop", first);
        Assert.Contains("UID:apt-0001@onestop", moved);
        Assert.Contains("SEQUENCE:0", first);
        Assert.Contains("SEQUENCE:3", moved);
        Assert.Contains("METHOD:REQUEST", first);
        Assert.Contains("STATUS:CONFIRMED", first);
    }

    [Fact]
    public void A_cancelled_appointment_is_a_cancel_with_status_cancelled()
    {
        var appointment = Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10), sequence: 2);
        appointment.Status = AppointmentStatus.Cancelled;

        var lines = Unfold(IcsCalendar.Write(appointment, Stamp, Organized));

        Assert.Contains("METHOD:CANCEL", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.DoesNotContain("METHOD:REQUEST", lines);
        Assert.Contains("UID:apt-0001@onestop", lines);
    }

    private static readonly IcsEventText Organized = new(OrganizerUri: "mailto:integration-point@kreis-lippe.example", OrganizerName: "Integration Point Lippe");

    [Fact]
    public void Without_an_organizer_no_reply_is_expected_so_the_file_is_published()
    {
        var booked = Ical.Net.Calendar.Load(IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), Stamp))!;
        var cancelled = Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10), sequence: 1);
        cancelled.Status = AppointmentStatus.Cancelled;
        var withdrawn = Ical.Net.Calendar.Load(IcsCalendar.Write(cancelled, Stamp))!;

        Assert.Equal("PUBLISH", booked.Method);
        Assert.Null(booked.Events.Single().Organizer);
        Assert.Equal("PUBLISH", withdrawn.Method);
        Assert.Equal("CANCELLED", withdrawn.Events.Single().Status);
        var organized = Ical.Net.Calendar.Load(IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), Stamp, Organized))!;
        Assert.Equal("REQUEST", organized.Method);
        Assert.Equal("mailto:integration-point@kreis-lippe.example", organized.Events.Single().Organizer!.Value!.ToString());
        Assert.Equal("Integration Point Lippe", organized.Events.Single().Organizer!.CommonName);
    }

    [Fact]
    public void The_client_id_is_never_written()
    {
        var ics = IcsCalendar.Write(Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), Stamp);

        Assert.DoesNotContain("client-pseudo-4711", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("ATTENDEE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_appointments_are_tentative()
    {
        var appointment = Booked(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10));
        appointment.Status = AppointmentStatus.Pending;

        Assert.Contains("STATUS:TENTATIVE", Unfold(IcsCalendar.Write(appointment, Stamp)));
    }
}
