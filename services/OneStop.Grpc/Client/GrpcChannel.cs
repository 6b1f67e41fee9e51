using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Compression;
using OneStop.Grpc.Protocol;

namespace Grpc.Net.Client;

/// <summary>
/// A channel to one gRPC server over <see cref="HttpMessageInvoker"/>. h2c for http:// addresses (prior knowledge),
/// TLS with ALPN for https://. Channels are meant to be long-lived and shared: they own the connection pool.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly bool _disposeHandler;
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);

    private GrpcChannel(Uri address, GrpcChannelOptions options) : base(address.Authority)
    {
        Address = address;
        Options = options;
        IsSecure = options.Credentials is { } credentials ? credentials.IsSecure : address.Scheme == Uri.UriSchemeHttps;
        if (options.Credentials is not null && IsSecure != (address.Scheme == Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Channel credentials ({(IsSecure ? "TLS" : "insecure")}) do not match the address scheme '{address.Scheme}'.");
        }
        CompressionProviders = (options.CompressionProviders ?? [new GzipCompressionProvider(), new DeflateCompressionProvider()]).ToArray();
        AcceptEncoding = MessageCompression.AcceptEncoding(CompressionProviders);
        MaxReceiveMessageSize = options.MaxReceiveMessageSize ?? int.MaxValue;
        MaxSendMessageSize = options.MaxSendMessageSize ?? int.MaxValue;
        _disposeHandler = options.HttpHandler is null || options.DisposeHttpClient;
        Invoker = new HttpMessageInvoker(options.HttpHandler ?? CreateDefaultHandler(options), _disposeHandler);
    }

    public static GrpcChannel ForAddress(string address) => ForAddress(new Uri(address), new GrpcChannelOptions());
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions channelOptions) => ForAddress(new Uri(address), channelOptions);
    public static GrpcChannel ForAddress(Uri address) => ForAddress(address, new GrpcChannelOptions());

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channelOptions);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http (h2c) or https.", nameof(address));
        }
        return new GrpcChannel(address, channelOptions);
    }

    public Uri Address { get; }
    internal GrpcChannelOptions Options { get; }
    internal HttpMessageInvoker Invoker { get; }
    internal bool IsSecure { get; }
    internal IReadOnlyList<ICompressionProvider> CompressionProviders { get; }
    internal string AcceptEncoding { get; }
    internal int MaxReceiveMessageSize { get; }
    internal int MaxSendMessageSize { get; }

    public override CallInvoker CreateCallInvoker() => new HttpClientCallInvoker(this);

    internal Uri GetMethodUri(IMethod method) => _methodUris.GetOrAdd(method.FullName, static (path, address) => new Uri(address, path), Address);

    /// <summary>
    /// One pooled handler per channel. Several HTTP/2 connections open when one connection's 100-stream limit is reached;
    /// keep-alive pings find dead connections without waiting for TCP.
    /// </summary>
    private static SocketsHttpHandler CreateDefaultHandler(GrpcChannelOptions options) => new()
    {
        EnableMultipleHttp2Connections = true,
        KeepAlivePingDelay = options.KeepAlivePingDelay,
        KeepAlivePingTimeout = options.KeepAlivePingTimeout,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(20),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
    };

    protected override Task ShutdownAsyncCore()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Invoker.Dispose();
}
