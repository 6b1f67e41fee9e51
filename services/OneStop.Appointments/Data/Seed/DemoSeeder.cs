using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data.Seed;

/// <summary>
/// Loads <see cref="DemoCalendars"/> in one transaction. Idempotent: a record whose stored message equals the demo's
/// is left alone, so a second run writes nothing. Seeding is the system itself: no caller, no directory check.
/// </summary>
public sealed class DemoSeeder(AppointmentsDbContext db, CommandTransaction transaction)
{
    /// <summary>Returns how many records were inserted or changed.</summary>
    public Task<int> SeedAsync(CancellationToken ct) => transaction.RunAsync(async () =>
    {
        var written = 0;
        var resources = await db.Resources.ToDictionaryAsync(r => r.Id, ct);
        foreach (var resource in DemoCalendars.Resources())
        {
            if (!resources.TryGetValue(resource.Id, out var record)) db.Resources.Add(record = new ResourceRecord { Id = resource.Id });
            else if (Same(record.ToProto(), resource, r => r.Etag = "")) continue;
            record.Version++;
            resource.Etag = record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            record.Store(resource);
            written++;
        }

        var schedules = await db.Schedules.ToDictionaryAsync(s => s.ResourceId, ct);
        foreach (var resource in DemoCalendars.Resources())
        {
            var schedule = DemoCalendars.Schedule(resource.Id);
            if (!schedules.TryGetValue(resource.Id, out var record)) db.Schedules.Add(record = new ScheduleRecord { ResourceId = resource.Id });
            else if (Same(record.ToProto(), schedule, s => s.Etag = "")) continue;
            record.Version++;
            schedule.Etag = record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            record.RegionAgs = resource.RegionAgs;
            record.Payload = schedule.ToByteArray();
            written++;
        }

        var types = await db.AppointmentTypes.ToDictionaryAsync(t => t.Id, ct);
        foreach (var type in DemoCalendars.AppointmentTypes())
        {
            if (!types.TryGetValue(type.Id, out var record)) db.AppointmentTypes.Add(record = new AppointmentTypeRecord { Id = type.Id });
            else if (Same(record.ToProto(), type, t => t.Etag = "")) continue;
            record.Version++;
            type.Etag = record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            record.RegionAgs = type.RegionAgs;
            record.Payload = type.ToByteArray();
            written++;
        }
        return written;
    }, ct);

    /// <summary>Equal apart from the etag, which the store assigns.</summary>
    private static bool Same<T>(T stored, T demo, Action<T> clearEtag) where T : IMessage<T>
    {
        var a = stored.Clone();
        var b = demo.Clone();
        clearEtag(a);
        clearEtag(b);
        return a.Equals(b);
    }
}
