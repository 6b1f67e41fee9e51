using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.Compression;
using Microsoft.Extensions.Logging;
using OneStop.Grpc.Protocol;

namespace Grpc.Net.Client;

/// <summary>Settings for a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The handler calls go through. Default: one <see cref="SocketsHttpHandler"/> per channel (see <see cref="GrpcChannel"/>).</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Dispose <see cref="HttpHandler"/> with the channel. Default true for a handler the channel made itself.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>Largest response message accepted; larger fails the call with RESOURCE_EXHAUSTED. Null for no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest request message sent; larger fails the call with RESOURCE_EXHAUSTED. Null for no limit.</summary>
    public int? MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Encodings the client can read and write. gzip and deflate by default.</summary>
    public IList<ICompressionProvider>? CompressionProviders { get; set; }

    /// <summary>Insecure (h2c) or TLS, optionally with call credentials. Taken from the address scheme when null.</summary>
    public ChannelCredentials? Credentials { get; set; }

    /// <summary>Allow call credentials (bearer tokens) over h2c. Off by default: tokens should not travel in clear text.</summary>
    public bool UnsafeUseInsecureChannelCallCredentials { get; set; }

    /// <summary>Per-method settings; retry policies live here.</summary>
    public ServiceConfig? ServiceConfig { get; set; }

    /// <summary>Upper bound on attempts for any retry policy. Default 5, as in gRPC.</summary>
    public int? MaxRetryAttempts { get; set; } = 5;

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The time source for deadlines; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>HTTP/2 keep-alive ping interval for the default handler; detects dead connections.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
