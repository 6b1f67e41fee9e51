using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OneStop.Appointments.Data;

/// <summary>The key of a need, as stored in <see cref="OfferRecord.NeedKey"/>: SHA-256 (hex) of what was asked for.</summary>
public static class OfferNeed
{
    /// <summary>A search for an appointment type (the only need a booking can answer: a booking always names its type).</summary>
    public static string ForType(string appointmentTypeId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("appointment-type\n" + appointmentTypeId)));
}

/// <summary>
/// The server-side offer state behind "time from request to first offered slot, and to booking". FindJointSlots
/// opens a request (client, need) when it first offers a slot for it; later searches leave it alone; the booking
/// of that type for that client closes it. Unbooked requests older than
/// <see cref="AppointmentsOptions.OfferRetention"/> count as abandoned and are purged.
/// </summary>
public sealed class Offers(AppointmentsDbContext db, CommandTransaction transaction, IOptions<AppointmentsOptions> options)
{
    /// <summary>
    /// Records the first offer of the client's open request for the type, unless one is open already (only the first
    /// offer counts). A future <paramref name="requestedAt"/> is taken as now. Returns whether a row was written.
    /// </summary>
    public async Task<bool> RecordFirstOfferAsync(string regionAgs, string clientId, string appointmentTypeId, DateTimeOffset requestedAt,
        CancellationToken ct)
    {
        var need = OfferNeed.ForType(appointmentTypeId);
        try
        {
            return await transaction.RunAsync(async () =>
            {
                var now = transaction.Now;
                var abandoned = (now - options.Value.OfferRetention).UtcDateTime;
                // An abandoned request of the same key gives way to the new one (the purge would remove it anyway).
                await db.Offers.Where(o => o.RegionAgs == regionAgs && o.ClientId == clientId && o.NeedKey == need
                    && o.AppointmentId == null && o.FirstOfferedAt < abandoned).ExecuteDeleteAsync(ct);
                if (await db.Offers.AnyAsync(o => o.RegionAgs == regionAgs && o.ClientId == clientId && o.NeedKey == need && o.AppointmentId == null, ct))
                    return false;
                db.Offers.Add(new OfferRecord
                {
                    Id = $"offer-{Guid.NewGuid():N}",
                    RegionAgs = regionAgs,
                    ClientId = clientId,
                    NeedKey = need,
                    RequestedAt = (requestedAt > now ? now : requestedAt).UtcDateTime,
                    FirstOfferedAt = now.UtcDateTime,
                });
                return true;
            }, ct);
        }
        catch (WriteConflictException)
        {
            // Another instance recorded this request's first offer at the same moment (the partial unique index); it counts.
            return false;
        }
    }

    /// <summary>Deletes open requests whose first offer is older than the retention; booked ones stay with their appointment.</summary>
    public Task<int> PurgeAsync(CancellationToken ct) => transaction.RunAsync(() =>
    {
        var cutoff = (transaction.Now - options.Value.OfferRetention).UtcDateTime;
        return db.Offers.Where(o => o.AppointmentId == null && o.FirstOfferedAt < cutoff).ExecuteDeleteAsync(ct);
    }, ct);
}

/// <summary>Runs <see cref="Offers.PurgeAsync"/> at start and then every <see cref="AppointmentsOptions.OfferPurgeInterval"/>.</summary>
public sealed class OfferPurge(IServiceScopeFactory scopes, IOptions<AppointmentsOptions> options, TimeProvider clock, ILogger<OfferPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<Offers>().PurgeAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} abandoned offer records", purged);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Purging abandoned offer records failed; trying again in {Interval}", options.Value.OfferPurgeInterval);
            }
            try
            {
                await Task.Delay(options.Value.OfferPurgeInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
