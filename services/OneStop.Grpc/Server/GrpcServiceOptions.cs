using System.IO.Compression;
using Grpc.Core.Interceptors;
using Grpc.Net.Compression;
using OneStop.Grpc.Protocol;

namespace Grpc.AspNetCore.Server;

/// <summary>Server settings, for all services (<c>AddGrpc</c>) or one (<c>AddServiceOptions&lt;T&gt;</c>).</summary>
public class GrpcServiceOptions
{
    /// <summary>Largest request message accepted; larger gets RESOURCE_EXHAUSTED. Null for no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest response message sent; larger gets RESOURCE_EXHAUSTED. Null for no limit.</summary>
    public int? MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Puts exception messages into UNKNOWN statuses. Off by default: they can leak internals.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Compress responses with this encoding when the client accepts it (e.g. "gzip").</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    public CompressionLevel? ResponseCompressionLevel { get; set; }

    /// <summary>Encodings the server can read and write. gzip and deflate by default.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; set; } = new List<ICompressionProvider> { new GzipCompressionProvider(), new DeflateCompressionProvider() };

    public InterceptorCollection Interceptors { get; } = new();

    /// <summary>When true, unknown services are left to the rest of the app instead of getting UNIMPLEMENTED.</summary>
    public bool IgnoreUnknownServices { get; set; }
}

/// <summary>Options for one service type; its settings override the global ones.</summary>
public class GrpcServiceOptions<TService> : GrpcServiceOptions where TService : class;

/// <summary>Server interceptors, created per call through DI (or the given constructor arguments).</summary>
public class InterceptorCollection : List<InterceptorRegistration>
{
    public void Add<TInterceptor>(params object[] args) where TInterceptor : Interceptor => Add(typeof(TInterceptor), args);

    public void Add(Type interceptorType, params object[] args)
    {
        if (!typeof(Interceptor).IsAssignableFrom(interceptorType)) throw new ArgumentException($"{interceptorType} is not an Interceptor.", nameof(interceptorType));
        Add(new InterceptorRegistration(interceptorType, args));
    }
}

public class InterceptorRegistration(Type type, object[] arguments)
{
    public Type Type { get; } = type;
    public IReadOnlyList<object> Arguments { get; } = arguments;
}
