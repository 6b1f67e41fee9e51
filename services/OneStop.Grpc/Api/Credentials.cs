namespace Grpc.Core;

/// <summary>Context handed to an <see cref="AsyncAuthInterceptor"/>.</summary>
public class AuthInterceptorContext
{
    public AuthInterceptorContext(string serviceUrl, string methodName) : this(serviceUrl, methodName, CancellationToken.None) { }

    public AuthInterceptorContext(string serviceUrl, string methodName, CancellationToken cancellationToken)
    {
        ServiceUrl = serviceUrl;
        MethodName = methodName;
        CancellationToken = cancellationToken;
    }

    public string ServiceUrl { get; }
    public string MethodName { get; }
    public CancellationToken CancellationToken { get; }
}

/// <summary>Adds authentication metadata (such as a bearer token) to an outgoing call.</summary>
public delegate Task AsyncAuthInterceptor(AuthInterceptorContext context, Metadata metadata);

/// <summary>Per-call credentials: metadata computed for each call.</summary>
public abstract class CallCredentials
{
    public static CallCredentials FromInterceptor(AsyncAuthInterceptor interceptor) => new InterceptorCallCredentials(interceptor);

    public static CallCredentials Compose(params CallCredentials[] credentials) => new CompositeCallCredentials(credentials);

    /// <summary>Adds this credential's metadata for one call.</summary>
    internal abstract Task ApplyAsync(AuthInterceptorContext context, Metadata metadata);

    private sealed class InterceptorCallCredentials(AsyncAuthInterceptor interceptor) : CallCredentials
    {
        internal override Task ApplyAsync(AuthInterceptorContext context, Metadata metadata) => interceptor(context, metadata);
    }

    private sealed class CompositeCallCredentials(CallCredentials[] parts) : CallCredentials
    {
        internal override async Task ApplyAsync(AuthInterceptorContext context, Metadata metadata)
        {
            foreach (var part in parts) await part.ApplyAsync(context, metadata).ConfigureAwait(false);
        }
    }
}

/// <summary>Channel-level credentials: insecure (h2c) or TLS, optionally with call credentials.</summary>
public abstract class ChannelCredentials
{
    public static ChannelCredentials Insecure { get; } = new TransportCredentials(isSecure: false, null);
    public static ChannelCredentials SecureSsl { get; } = new TransportCredentials(isSecure: true, null);

    public static ChannelCredentials Create(ChannelCredentials channelCredentials, CallCredentials callCredentials) =>
        new TransportCredentials(channelCredentials.IsSecure, callCredentials);

    internal abstract bool IsSecure { get; }
    internal abstract CallCredentials? CallCredentials { get; }

    private sealed class TransportCredentials(bool isSecure, CallCredentials? callCredentials) : ChannelCredentials
    {
        internal override bool IsSecure => isSecure;
        internal override CallCredentials? CallCredentials => callCredentials;
    }
}

/// <summary>The authentication state of a server call (peer identity properties).</summary>
public class AuthContext
{
    private readonly Dictionary<string, List<AuthProperty>> _properties;

    public AuthContext(string? peerIdentityPropertyName, Dictionary<string, List<AuthProperty>> properties)
    {
        PeerIdentityPropertyName = peerIdentityPropertyName;
        _properties = properties;
    }

    public string? PeerIdentityPropertyName { get; }
    public bool IsPeerAuthenticated => PeerIdentityPropertyName is not null;
    public IEnumerable<AuthProperty> PeerIdentity => PeerIdentityPropertyName is null ? [] : FindPropertiesByName(PeerIdentityPropertyName);
    public IEnumerable<AuthProperty> Properties => _properties.Values.SelectMany(p => p);

    public IEnumerable<AuthProperty> FindPropertiesByName(string propertyName) =>
        _properties.TryGetValue(propertyName, out var list) ? list : [];
}

public class AuthProperty
{
    private readonly byte[] _valueBytes;

    private AuthProperty(string name, byte[] valueBytes)
    {
        Name = name;
        _valueBytes = valueBytes;
    }

    public string Name { get; }
    public string Value => System.Text.Encoding.UTF8.GetString(_valueBytes);
    public byte[] ValueBytes => (byte[])_valueBytes.Clone();

    public static AuthProperty Create(string name, byte[] valueBytes) => new(name, (byte[])valueBytes.Clone());
}
