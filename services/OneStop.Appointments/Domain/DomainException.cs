namespace OneStop.Appointments.Domain;

/// <summary>
/// What kind of refusal a domain rule made. The gRPC layer maps each code to its status code, so the rules stay
/// free of gRPC and every RPC reports the same refusal the same way.
/// </summary>
public enum DomainErrorCode
{
    /// <summary>A field is missing, malformed or out of range (INVALID_ARGUMENT); <see cref="DomainException.Field"/> names it.</summary>
    InvalidArgument,
    /// <summary>The request is well-formed but the current state forbids it (FAILED_PRECONDITION), e.g. an empty pool.</summary>
    FailedPrecondition,
    /// <summary>The caller may not do this to this record (PERMISSION_DENIED), e.g. consuming someone else's hold.</summary>
    PermissionDenied,
}

/// <summary>A domain rule refused a request. <see cref="Field"/> is the request field at fault, when there is one.</summary>
public sealed class DomainException(DomainErrorCode code, string message, string? field = null)
    : Exception(field is null ? message : $"{field}: {message}")
{
    public DomainErrorCode Code { get; } = code;

    public string? Field { get; } = field;

    public static DomainException InvalidArgument(string field, string problem) => new(DomainErrorCode.InvalidArgument, problem, field);

    public static DomainException FailedPrecondition(string problem, string? field = null) => new(DomainErrorCode.FailedPrecondition, problem, field);
}
