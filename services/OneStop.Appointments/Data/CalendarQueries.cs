using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.Directory.Client;
using OneStop.ServiceDefaults.Identity;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Data;

/// <summary>
/// GetIcs (the domain's <see cref="IcsCalendar"/>) with the words agencies' calendars need: the type and the
/// agencies in SUMMARY, topic, agencies, interpreter and room in DESCRIPTION, the location's name and address in
/// LOCATION, and the issuing organization (the caller's, with its directory e-mail address) as ORGANIZER. Names
/// and addresses come from the directory; nothing about the client is written. With
/// <see cref="AppointmentsOptions.CalendarTextFromDirectory"/> off (or the directory unreachable) ids stand in for
/// names, and without an organizer address the file is PUBLISH.
/// </summary>
public sealed class CalendarQueries(AppointmentsDbContext db, DirectoryClient directory, IOptions<AppointmentsOptions> options, TimeProvider clock,
    ILogger<CalendarQueries> logger)
{
    public async Task<string> IcsAsync(Appointment appointment, CallerIdentity caller, CancellationToken ct)
    {
        var type = (await db.AppointmentTypes.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == appointment.AppointmentTypeId && t.RegionAgs == appointment.RegionAgs, ct))?.ToProto();
        var ids = appointment.Participants.Select(p => p.ResourceId).ToList();
        var rooms = (await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Kind == ResourceKind.Room).ToListAsync(ct))
            .Select(r => r.ToProto().DisplayName).ToList();

        var agencies = new List<string>();
        foreach (var id in appointment.Participants.Where(p => p.Kind == ResourceKind.Counsellor).Select(p => p.OrganizationId).Distinct())
            agencies.Add((await LookupAsync(() => directory.GetOrganizationAsync(id, ct)))?.Name ?? id);
        var interpreters = appointment.Participants.Count(p => p.Kind == ResourceKind.Interpreter);
        var language = appointment.Need?.InterpreterLanguage is { Length: > 0 } asked ? asked : type?.InterpreterLanguage ?? "";

        var typeName = type?.Name ?? appointment.AppointmentTypeId;
        var description = new List<string> { $"Terminart: {typeName}" };
        if (type is not null && type.Topic != Topic.Unspecified) description.Add($"Thema: {TopicName(type.Topic)}");
        description.Add($"Beteiligte Stellen: {string.Join(", ", agencies)}");
        if (interpreters > 0) description.Add(language.Length > 0 ? $"Dolmetschen: {language}" : "Dolmetschen");
        if (rooms.Count > 0) description.Add($"Raum: {string.Join(", ", rooms)}");

        var issuer = caller.OrganizationId.Length == 0 ? null : await LookupAsync(() => directory.GetOrganizationAsync(caller.OrganizationId, ct));
        var text = new IcsEventText(
            Summary: agencies.Count == 0 ? typeName : $"{typeName}: {string.Join(" + ", agencies)}",
            Location: await LocationAsync(appointment.LocationId, ct),
            Description: string.Join("\n", description),
            OrganizerUri: issuer?.Email is { Length: > 0 } email ? $"mailto:{email}" : null,
            OrganizerName: issuer?.Name);
        return IcsCalendar.Write(appointment, clock.GetUtcNow(), text);
    }

    /// <summary>"Kreishaus Detmold, Felix-Fechenbach-Straße 5, 32756 Detmold"; the id when the directory has no such location.</summary>
    private async Task<string?> LocationAsync(string locationId, CancellationToken ct)
    {
        if (locationId.Length == 0) return null;
        var location = await LookupAsync(() => directory.GetLocationAsync(locationId, ct));
        if (location is null) return locationId;
        var parts = new List<string> { location.Name };
        if (location.Address is { } address)
        {
            if (address.Address1.Length > 0) parts.Add(address.Address1);
            var city = $"{address.PostalCode} {address.City}".Trim();
            if (city.Length > 0) parts.Add(city);
        }
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    /// <summary>A directory read for words only: a failure leaves the id in the file rather than failing GetIcs.</summary>
    private async Task<T?> LookupAsync<T>(Func<ValueTask<T?>> read) where T : class
    {
        if (!options.Value.CalendarTextFromDirectory) return null;
        try
        {
            return await read();
        }
        catch (RpcException e)
        {
            logger.LogWarning("Directory lookup for a calendar file failed ({Status}); writing ids instead", e.StatusCode);
            return null;
        }
    }

    private static string TopicName(Topic topic) => topic switch
    {
        Topic.Arbeit => "Arbeit",
        Topic.Anerkennung => "Anerkennung",
        Topic.Sprache => "Sprache",
        Topic.Bildung => "Bildung",
        Topic.Wohnen => "Wohnen",
        Topic.Gesundheit => "Gesundheit",
        Topic.Aufenthalt => "Aufenthalt",
        Topic.FamilieKinderbetreuung => "Familie und Kinderbetreuung",
        Topic.AllgemeineBeratung => "Allgemeine Beratung",
        Topic.TeilhabeEhrenamt => "Teilhabe und Ehrenamt",
        _ => topic.ToString(),
    };
}
