using System.Security.Cryptography;
using Google.Protobuf;
using OneStop.Appointments.Domain;

namespace OneStop.Appointments.Data;

/// <summary>
/// The `idempotency-key` rule: the first request under a key is answered and its answer stored in the same
/// transaction; a replay of the same request gets that answer again; the same key with another request is
/// FAILED_PRECONDITION. Both lookups run inside the command's transaction, so two concurrent first requests under
/// one key cannot both book.
/// </summary>
public static class Idempotency
{
    public const string MetadataKey = "idempotency-key";

    /// <summary>The stored answer to this exact request, or null when the key is new (or absent).</summary>
    public static async Task<TResponse?> ReplayAsync<TResponse>(this AppointmentsDbContext db, string? key, string caller, string method,
        IMessage request, MessageParser<TResponse> parser, CancellationToken ct) where TResponse : class, IMessage<TResponse>
    {
        if (key is null) return null;
        var stored = await db.IdempotencyRecords.FindAsync([caller, key], ct);
        if (stored is null) return null;
        if (stored.Method != method || stored.RequestHash != Hash(request))
            throw DomainException.FailedPrecondition($"idempotency-key '{key}' was already used for a different request.");
        return parser.ParseFrom(stored.Response);
    }

    public static void Remember(this AppointmentsDbContext db, string? key, string caller, string method, IMessage request, IMessage response,
        DateTimeOffset now)
    {
        if (key is null) return;
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Caller = caller,
            Key = key,
            Method = method,
            RequestHash = Hash(request),
            Response = response.ToByteArray(),
            CreatedAt = now.UtcDateTime,
        });
    }

    private static string Hash(IMessage request) => Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
}
