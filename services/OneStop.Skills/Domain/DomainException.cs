namespace OneStop.Skills.Domain;

/// <summary>What kind of refusal a rule made; the gRPC layer maps each to its status code.</summary>
public enum DomainErrorCode
{
    /// <summary>INVALID_ARGUMENT; <see cref="DomainException.Field"/> names the field.</summary>
    InvalidArgument,
    /// <summary>FAILED_PRECONDITION: well-formed, but the record's state forbids it (an illegal transition).</summary>
    FailedPrecondition,
    /// <summary>PERMISSION_DENIED: the caller's role or organization may not do this.</summary>
    PermissionDenied,
    /// <summary>NOT_FOUND: no such record in the caller's region (another region's records do not exist for it).</summary>
    NotFound,
    /// <summary>ABORTED: the caller's expected_version is stale.</summary>
    Aborted,
    /// <summary>ALREADY_EXISTS: the record is there already.</summary>
    AlreadyExists,
}

/// <summary>A rule refused a request. The message names the field, or the state and role.</summary>
public sealed class DomainException(DomainErrorCode code, string message, string? field = null)
    : Exception(field is null ? message : $"{field}: {message}")
{
    public DomainErrorCode Code { get; } = code;

    public string? Field { get; } = field;

    public static DomainException InvalidArgument(string field, string problem) => new(DomainErrorCode.InvalidArgument, problem, field);

    public static DomainException FailedPrecondition(string problem) => new(DomainErrorCode.FailedPrecondition, problem);

    public static DomainException PermissionDenied(string problem) => new(DomainErrorCode.PermissionDenied, problem);

    public static DomainException NotFound(string what, string id) => new(DomainErrorCode.NotFound, $"{what} \"{id}\" does not exist in your region.");

    public static DomainException AlreadyExists(string problem) => new(DomainErrorCode.AlreadyExists, problem);

    public static DomainException Stale(string what, long expected, long actual) =>
        new(DomainErrorCode.Aborted, $"{what} is at version {actual}, not {expected}: it was changed since you read it; read it again.");
}
