using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Data;

/// <summary>
/// Brings other instances' committed changes to this instance's live WatchAppointments streams: every
/// <see cref="AppointmentsOptions.WatchPollInterval"/> it reads the change log past what it has seen and publishes
/// what is new into the <see cref="AppointmentFeed"/>. This instance's own commits are published at once by
/// <see cref="CommandTransaction"/> and read here again; watchers skip versions they already sent.
/// </summary>
/// <remarks>
/// Versions are identities taken at insert, not at commit: on PostgreSQL another instance's transaction may commit
/// version 10 after version 11 is visible, and a rolled-back insert leaves a gap that never fills. So besides reading
/// past the highest version it has seen, the poller remembers the gaps below it and reads them again each round,
/// until they fill or have stayed open for <see cref="GapGrace"/> (far longer than a command's transaction).
/// Watchers therefore may receive such a late version after a higher one; they skip only versions already sent.
/// </remarks>
public sealed class ChangeLogPoller(IServiceScopeFactory scopes, AppointmentFeed feed, IOptions<AppointmentsOptions> options,
    ILogger<ChangeLogPoller> logger) : BackgroundService
{
    public static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(30);
    private const int Batch = 1000;
    private const int MaxGaps = 10_000;

    private readonly Dictionary<long, long> _gapSince = []; // version → Environment.TickCount64 when first missed
    private long _highest = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.WatchPollInterval;
        if (interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reading the change log for watchers failed; trying again in {Interval}", interval);
            }
            try
            {
                // Real time, not the injected clock: this is a delivery delay, not a business rule.
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: publishes the committed changes this poller has not read yet, in version order; returns how many.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        if (_highest < 0)
        {
            // Start at the present: older changes reach a watcher through its history replay.
            _highest = await db.Changes.AsNoTracking().MaxAsync(c => (long?)c.Version, ct) ?? 0;
            return 0;
        }
        var highest = _highest;
        var rows = await db.Changes.AsNoTracking().Where(c => c.Version > highest).OrderBy(c => c.Version).Take(Batch).ToListAsync(ct);
        if (_gapSince.Count > 0)
        {
            var gaps = _gapSince.Keys.ToList();
            rows.AddRange(await db.Changes.AsNoTracking().Where(c => gaps.Contains(c.Version)).ToListAsync(ct));
        }
        var now = Environment.TickCount64;
        foreach (var row in rows.Where(r => r.Version > _highest).OrderBy(r => r.Version))
        {
            for (var v = Math.Max(_highest + 1, row.Version - MaxGaps); v < row.Version; v++) _gapSince.TryAdd(v, now);
            _highest = row.Version;
        }
        foreach (var row in rows) _gapSince.Remove(row.Version);
        foreach (var expired in _gapSince.Where(g => now - g.Value >= (long)GapGrace.TotalMilliseconds).Select(g => g.Key).ToList())
            _gapSince.Remove(expired);
        if (rows.Count > 0) feed.Publish(rows.OrderBy(r => r.Version).Select(r => r.ToProto()).ToList());
        return rows.Count;
    }
}
