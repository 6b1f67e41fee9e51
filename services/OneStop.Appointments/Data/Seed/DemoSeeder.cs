using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Appointments.V1;
using Polly.Timeout;

namespace OneStop.Appointments.Data.Seed;

/// <summary>
/// Loads <see cref="DemoCalendars"/> in one transaction. Idempotent: a record whose stored message equals the demo's
/// is left alone, so a second run writes nothing. Seeding is the system itself: no caller. With
/// <see cref="AppointmentsOptions.ValidateDirectoryIds"/> on (the default; `./onestop up` seeds the directory first)
/// every directory id and language of the demo is checked through the directory client before anything is written,
/// exactly as a catalogue write or a search would check it, so a demo that drifted from the directory's fails here.
/// </summary>
public sealed class DemoSeeder(AppointmentsDbContext db, CommandTransaction transaction, DirectoryIds directory, IOptions<AppointmentsOptions> options,
    TimeProvider time)
{
    /// <summary>Returns how many records were inserted or changed.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (options.Value.ValidateDirectoryIds) await CheckAgainstDirectoryWhenReachableAsync(ct);
        return await WriteAsync(ct);
    }

    /// <summary>How often the seed asks a directory that does not answer before it gives up.</summary>
    public const int DirectoryAttempts = 30;

    /// <summary>The pause between two attempts.</summary>
    public static readonly TimeSpan DirectoryRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// `./onestop up` seeds while the directory it just started may still be coming up (the Redis read model usually
    /// answers first), and on a loaded machine a lookup may outlast the directory client's per-attempt timeout. Both
    /// mean "not reachable yet", not "the demo is wrong": the whole check is repeated, up to
    /// <see cref="DirectoryAttempts"/> times, and after that the seed fails with the last error, writing nothing.
    /// Counted attempts rather than a wall-clock budget, so the outcome does not depend on how slow the machine is.
    /// </summary>
    private async Task CheckAgainstDirectoryWhenReachableAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CheckAgainstDirectoryAsync(ct);
                return;
            }
            catch (Exception e) when (IsNotReachable(e, ct) && attempt < DirectoryAttempts)
            {
                await Task.Delay(DirectoryRetryDelay, time, ct);
            }
        }
    }

    /// <summary>
    /// The directory did not answer in time: UNAVAILABLE, a deadline, or the client's per-attempt timeout, which
    /// surfaces as CANCELLED from grpc-dotnet (or as Polly's rejection) although the seed itself was not cancelled.
    /// </summary>
    private static bool IsNotReachable(Exception e, CancellationToken ct) => !ct.IsCancellationRequested && e switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled,
        TimeoutRejectedException or OperationCanceledException => true,
        _ => false,
    };

    /// <summary>The demo's organizations, locations, resource languages and interpreter languages, against the directory.</summary>
    private async Task CheckAgainstDirectoryAsync(CancellationToken ct)
    {
        await directory.ReadyAsync(ct);
        var resources = DemoCalendars.Resources();
        foreach (var resource in resources)
        {
            await directory.RequireOrganizationAsync(resource.OrganizationId, $"resource '{resource.Id}'.organization_id", ct);
            await directory.RequireLocationAsync(resource.LocationId, $"resource '{resource.Id}'.location_id", ct);
            await directory.RequireResourceLanguagesAsync(resource, ct);
        }
        var interpreterServices = resources.Where(r => r.Kind == ResourceKind.Interpreter).Select(r => r.ServiceId).ToList();
        foreach (var type in DemoCalendars.AppointmentTypes())
        {
            foreach (var pool in type.Participants.Where(p => p.Pool is not null).Select(p => p.Pool))
                await directory.RequireOrganizationAsync(pool.OrganizationId, $"appointment type '{type.Id}' pool organization_id", ct);
            if (type.InterpreterLanguage.Length > 0)
                await directory.RequireInterpreterLanguageAsync(type.InterpreterLanguage, interpreterServices, $"appointment type '{type.Id}' interpreter_language", ct);
        }
        // Every demo interpreter language is offered, not only those the demo types use.
        foreach (var language in resources.Where(r => r.Kind == ResourceKind.Interpreter).SelectMany(r => r.Languages).Distinct())
            await directory.RequireInterpreterLanguageAsync(language, interpreterServices, "interpreter languages", ct);
    }

    private Task<int> WriteAsync(CancellationToken ct) => transaction.RunAsync(async () =>
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
