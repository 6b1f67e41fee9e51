namespace OneStop.Directory.Domain;

// The domain's refusals, free of gRPC. Grpc/DomainErrorInterceptor turns each into its status code, so the rules
// stay testable as plain C# and every RPC maps them the same way.

/// <summary>A request field is missing, malformed or out of range (INVALID_ARGUMENT). <see cref="Field"/> is its path.</summary>
public sealed class InvalidFieldException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
}

/// <summary>The caller is not allowed to change this entry (PERMISSION_DENIED).</summary>
public sealed class NotPermittedException(string message) : Exception(message);

/// <summary>The entry changed since the caller read it, or the caller did not say which version it read (ABORTED).</summary>
public sealed class StaleEtagException(string message) : Exception(message);

/// <summary>The entry does not exist (NOT_FOUND).</summary>
public sealed class EntryNotFoundException(string message) : Exception(message);

/// <summary>The change would break the directory's integrity, e.g. deleting an organization that still has services (FAILED_PRECONDITION).</summary>
public sealed class IntegrityException(string message) : Exception(message);
