namespace Grpc.Core;

/// <summary>What a server handler knows about its call, and how it shapes the response headers and trailers.</summary>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? _userState;

    /// <summary>Sends the response headers now instead of with the first message. Only once per call.</summary>
    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    public ContextPropagationToken CreatePropagationToken(ContextPropagationOptions? options = null) => CreatePropagationTokenCore(options);

    /// <summary>The full method name, <c>/package.Service/Method</c>.</summary>
    public string Method => MethodCore;
    public string Host => HostCore;
    public string Peer => PeerCore;

    /// <summary>The call's deadline in UTC; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public DateTime Deadline => DeadlineCore;
    public Metadata RequestHeaders => RequestHeadersCore;

    /// <summary>Cancelled when the client cancels, the deadline passes or the connection drops.</summary>
    public CancellationToken CancellationToken => CancellationTokenCore;
    public Metadata ResponseTrailers => ResponseTrailersCore;

    /// <summary>The status sent at the end of the call if the handler returns normally.</summary>
    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    public WriteOptions? WriteOptions
    {
        get => WriteOptionsCore;
        set => WriteOptionsCore = value;
    }

    public AuthContext AuthContext => AuthContextCore;

    /// <summary>Free-form per-call state for interceptors and handlers.</summary>
    public IDictionary<object, object> UserState => UserStateCore;

    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);
    protected virtual ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        new ServerCallPropagationToken(this, options ?? ContextPropagationOptions.Default);
    protected abstract string MethodCore { get; }
    protected abstract string HostCore { get; }
    protected abstract string PeerCore { get; }
    protected abstract DateTime DeadlineCore { get; }
    protected abstract Metadata RequestHeadersCore { get; }
    protected abstract CancellationToken CancellationTokenCore { get; }
    protected abstract Metadata ResponseTrailersCore { get; }
    protected abstract Status StatusCore { get; set; }
    protected abstract WriteOptions? WriteOptionsCore { get; set; }
    protected abstract AuthContext AuthContextCore { get; }
    protected virtual IDictionary<object, object> UserStateCore => _userState ??= new Dictionary<object, object>();
}
