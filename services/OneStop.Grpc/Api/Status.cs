namespace Grpc.Core;

/// <summary>The result of a call: a status code, a human-readable detail and, locally only, the exception behind it.</summary>
public readonly struct Status : IEquatable<Status>
{
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    public Status(StatusCode statusCode, string detail) : this(statusCode, detail, null) { }

    public Status(StatusCode statusCode, string detail, Exception? debugException)
    {
        StatusCode = statusCode;
        _detail = detail ?? "";
        DebugException = debugException;
    }

    // Backing field, because default(Status) (e.g. an unset ServerCallContext.Status) skips the constructor:
    // Detail must still read "" there, not null.
    private readonly string? _detail;

    public StatusCode StatusCode { get; }
    public string Detail => _detail ?? "";

    /// <summary>Never sent over the wire; helps local debugging only.</summary>
    public Exception? DebugException { get; }

    public bool Equals(Status other) => StatusCode == other.StatusCode && Detail == other.Detail;
    public override bool Equals(object? obj) => obj is Status other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);
    public static bool operator ==(Status left, Status right) => left.Equals(right);
    public static bool operator !=(Status left, Status right) => !left.Equals(right);

    public override string ToString() => DebugException is null
        ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
        : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
}
