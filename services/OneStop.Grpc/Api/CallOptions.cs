namespace Grpc.Core;

/// <summary>Per-call settings: headers, deadline, cancellation, write options, credentials.</summary>
public readonly struct CallOptions
{
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default,
        WriteOptions? writeOptions = null, ContextPropagationToken? propagationToken = null, CallCredentials? credentials = null)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
        PropagationToken = propagationToken;
        Credentials = credentials;
        IsWaitForReady = false;
    }

    private CallOptions(CallOptions other, bool waitForReady) : this(other.Headers, other.Deadline, other.CancellationToken,
        other.WriteOptions, other.PropagationToken, other.Credentials) => IsWaitForReady = waitForReady;

    public Metadata? Headers { get; }

    /// <summary>Absolute UTC deadline; null for none.</summary>
    public DateTime? Deadline { get; }
    public CancellationToken CancellationToken { get; }
    public WriteOptions? WriteOptions { get; }
    public ContextPropagationToken? PropagationToken { get; }
    public CallCredentials? Credentials { get; }
    public bool IsWaitForReady { get; }

    public CallOptions WithHeaders(Metadata headers) => new(headers, Deadline, CancellationToken, WriteOptions, PropagationToken, Credentials);
    public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken, WriteOptions, PropagationToken, Credentials);
    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken, WriteOptions, PropagationToken, Credentials);
    public CallOptions WithWriteOptions(WriteOptions writeOptions) => new(Headers, Deadline, CancellationToken, writeOptions, PropagationToken, Credentials);
    public CallOptions WithPropagationToken(ContextPropagationToken propagationToken) => new(Headers, Deadline, CancellationToken, WriteOptions, propagationToken, Credentials);
    public CallOptions WithCredentials(CallCredentials credentials) => new(Headers, Deadline, CancellationToken, WriteOptions, PropagationToken, credentials);
    public CallOptions WithWaitForReady(bool waitForReady = true) => new(this, waitForReady);
}
