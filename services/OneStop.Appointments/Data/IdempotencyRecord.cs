namespace OneStop.Appointments.Data;

/// <summary>
/// The first answer to an `idempotency-key`, written in the same transaction as the booking it describes, so a
/// replay can never see a booking without its answer or the other way round. Keys are per caller: two agencies
/// choosing the same key do not collide.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>Which RPC the key was used for; the same key on another RPC is a different request.</summary>
    public string Method { get; set; } = "";

    /// <summary>SHA-256 of the request message's bytes, hex.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>The response message's bytes.</summary>
    public byte[] Response { get; set; } = [];

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
