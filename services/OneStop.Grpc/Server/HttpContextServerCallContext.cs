using System.Net;
using Grpc.Core;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Server;

/// <summary>
/// One server call on top of one HTTP/2 request: reads request frames, writes response frames, owns the
/// deadline and decides between a normal response (headers, messages, trailers) and a Trailers-Only one.
/// </summary>
internal sealed partial class HttpContextServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _httpContext;
    private readonly ServerSettings _settings;
    private readonly ILogger _logger;
    private readonly string _method;
    private CancellationTokenSource? _callCancellation;
    private ITimer? _deadlineTimer;
    private SemaphoreSlim? _completionLock;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private ICompressionProvider? _requestDecompressor;
    private ICompressionProvider? _responseCompressor;
    private FrameSerializationContext? _serializationContext;
    private MessageReader? _reader;
    private AuthContext? _authContext;
    private bool _headersPrepared;
    private bool _responseCompleted;
    private bool _deadlineExceeded;

    public HttpContextServerCallContext(HttpContext httpContext, string method, ServerSettings settings, ILogger logger)
    {
        _httpContext = httpContext;
        _method = method;
        _settings = settings;
        _logger = logger;
        _deadline = DateTime.MaxValue;
    }

    public HttpContext HttpContext => _httpContext;
    public ServerSettings Settings => _settings;
    public bool DeadlineExceeded => Volatile.Read(ref _deadlineExceeded);

    /// <summary>True when the last request message read arrived with its compressed flag set.</summary>
    public bool LastRequestMessageCompressed => _reader?.LastMessageCompressed ?? false;

    private DateTime _deadline;

    /// <summary>
    /// Reads the call's protocol headers. A problem here ends the call before the handler runs, so it is
    /// returned as a status rather than thrown.
    /// </summary>
    public Status? Initialize(TimeProvider timeProvider)
    {
        var headers = _httpContext.Request.Headers;

        // One pass over the headers finds everything: binary values need the pass anyway, and a lookup by name of a
        // header Kestrel does not know (all of these) costs a case-insensitive search each. With several problems,
        // the timeout is reported first, then the encoding, then the first malformed binary header.
        StringValues timeoutValue = default, encodingValue = default;
        string? malformedBinaryHeader = null;
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, GrpcProtocol.TimeoutHeader, StringComparison.OrdinalIgnoreCase)) timeoutValue = header.Value;
            else if (string.Equals(header.Key, GrpcProtocol.EncodingHeader, StringComparison.OrdinalIgnoreCase)) encodingValue = header.Value;
            else if (malformedBinaryHeader is null && Metadata.Entry.IsBinaryKey(header.Key) && !AreValidBinaryValues(header.Value)) malformedBinaryHeader = header.Key;
        }

        var timeoutText = timeoutValue.ToString();
        if (timeoutText.Length > 0)
        {
            // As grpc-go does: a malformed timeout is a malformed request, not "no deadline".
            if (!GrpcTimeout.TryParse(timeoutText, out var timeout)) return new Status(StatusCode.Internal, $"Malformed grpc-timeout header '{timeoutText}'.");
            StartDeadline(timeout, timeProvider);
        }

        var encoding = encodingValue.ToString();
        if (encoding.Length > 0 && encoding != GrpcProtocol.IdentityEncoding)
        {
            _requestDecompressor = MessageCompression.Find(_settings.CompressionProviders, encoding);
            if (_requestDecompressor is null)
            {
                _httpContext.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = _settings.AcceptEncoding;
                return new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {_settings.AcceptEncoding}");
            }
        }

        if (malformedBinaryHeader is not null) return new Status(StatusCode.Internal, $"Malformed base64 in binary header '{malformedBinaryHeader}'.");

        if (_settings.ResponseCompressionAlgorithm is { } algorithm
            && MessageCompression.Accepts(headers[GrpcProtocol.AcceptEncodingHeader].ToString(), algorithm))
        {
            _responseCompressor = MessageCompression.Find(_settings.CompressionProviders, algorithm);
        }
        return null;
    }

    private static bool AreValidBinaryValues(StringValues values)
    {
        foreach (var value in values)
        {
            if (value is null || !MetadataHeaders.TryDecodeBinary(value.Split(',')[0], out _)) return false;
        }
        return true;
    }

    private void StartDeadline(TimeSpan timeout, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        _callCancellation = CancellationTokenSource.CreateLinkedTokenSource(_httpContext.RequestAborted);
        _completionLock = new SemaphoreSlim(1, 1);
        _deadlineTimer = timeProvider.CreateTimer(static state => _ = ((HttpContextServerCallContext)state!).OnDeadlineAsync(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The deadline passed: cancel the handler and end the response at once with DEADLINE_EXCEEDED, even if the
    /// handler ignores its token. Later writes by the handler fail quietly.
    /// </summary>
    private async Task OnDeadlineAsync()
    {
        Volatile.Write(ref _deadlineExceeded, true);
        try
        {
            _callCancellation!.Cancel();
            await _completionLock!.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_responseCompleted) return;
                await CompleteResponseAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")).ConfigureAwait(false);
            }
            finally
            {
                _completionLock.Release();
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The call ended at the same moment; nothing left to complete.
        }
    }

    public MessageReader Reader => _reader ??= new MessageReader(_httpContext.Request.BodyReader, _settings.MaxReceiveMessageSize, _requestDecompressor);

    /// <summary>
    /// The one request of a unary or server-streaming call. Reads the reader directly rather than through
    /// <see cref="ReadRequestMessageAsync{TRequest}"/> (same client-reset handling): every call comes through here,
    /// and a layer of async state machine per read was a measurable part of a small call's cost.
    /// </summary>
    public async ValueTask<TRequest> ReadSingleRequestAsync<TRequest>(Func<DeserializationContext, TRequest> deserializer)
    {
        var reader = Reader;
        var cancellationToken = CancellationTokenCore;
        try
        {
            var (hasMessage, message) = await reader.ReadAsync(deserializer, cancellationToken).ConfigureAwait(false);
            if (!hasMessage) throw new RpcException(new Status(StatusCode.Internal, "Request stream ended without a message."));
            var (extra, _) = await reader.ReadAsync(deserializer, cancellationToken).ConfigureAwait(false);
            if (extra) throw new RpcException(new Status(StatusCode.Internal, "Request stream had more than one message for a single-request method."));
            return message;
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw ClientReset(ex);
        }
    }

    /// <summary>
    /// The next request message. Kestrel reports a client's RST_STREAM as an IOException from the body, sometimes
    /// before RequestAborted is signalled: it is the client cancelling, not a handler error to log.
    /// </summary>
    public async ValueTask<(bool HasMessage, TRequest Message)> ReadRequestMessageAsync<TRequest>(Func<DeserializationContext, TRequest> deserializer, CancellationToken cancellationToken)
    {
        try
        {
            return await Reader.ReadAsync(deserializer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw ClientReset(ex);
        }
    }

    private static RpcException ClientReset(IOException exception) =>
        new(new Status(StatusCode.Cancelled, "The client reset the request stream.", exception));

    /// <summary>
    /// Writes one response message frame and flushes it (sending the headers first if still held). The single
    /// response of a unary or client-streaming call passes <paramref name="statusFollows"/>: the status is written
    /// right after and completing the response flushes everything together, so Kestrel schedules one write for the
    /// call instead of two. The bytes on the wire are the same.
    /// </summary>
    public async Task WriteMessageAsync<TResponse>(TResponse message, Action<TResponse, SerializationContext> serializer, WriteOptions? writeOptions, CancellationToken cancellationToken, bool statusFollows = false)
    {
        if (_completionLock is not null) await _completionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_responseCompleted) throw new InvalidOperationException("The call is already complete.");
            PrepareResponseHeaders();
            var compress = _responseCompressor is not null && !writeOptions.Has(WriteFlags.NoCompress);
            _serializationContext ??= new FrameSerializationContext(_settings.MaxSendMessageSize);
            var output = _httpContext.Response.BodyWriter;
            _serializationContext.WriteMessage(output, message, serializer, compress ? _responseCompressor : null, _settings.ResponseCompressionLevel);
            if (!statusFollows && !writeOptions.Has(WriteFlags.BufferHint))
            {
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _completionLock?.Release();
        }
    }

    /// <summary>Ends the call with <paramref name="status"/>, unless the deadline already ended it.</summary>
    public Task EndCallAsync(Status status)
    {
        // Without a deadline there is no lock and nothing else that completes the response; every call ends here,
        // so the common case goes without a state machine of its own.
        if (_completionLock is null) return _responseCompleted ? Task.CompletedTask : CompleteResponseAsync(status);
        return EndCallWithDeadlineAsync(_completionLock, status);
    }

    private async Task EndCallWithDeadlineAsync(SemaphoreSlim completionLock, Status status)
    {
        await completionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_responseCompleted) return;
            await CompleteResponseAsync(status).ConfigureAwait(false);
        }
        finally
        {
            completionLock.Release();
        }
    }

    /// <summary>The status for an exception that escaped the handler, logged once.</summary>
    public Status StatusFromException(Exception exception)
    {
        if (DeadlineExceeded) return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        if (exception is RpcException rpc)
        {
            foreach (var entry in rpc.Trailers) ResponseTrailersCore.Add(entry);
            return rpc.Status;
        }
        if (exception is OperationCanceledException && _httpContext.RequestAborted.IsCancellationRequested)
        {
            return new Status(StatusCode.Cancelled, "The client cancelled the call.");
        }
        LogHandlerError(_logger, _method, exception);
        var detail = _settings.EnableDetailedErrors
            ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
            : "Exception was thrown by handler.";
        return new Status(StatusCode.Unknown, detail, exception);
    }

    private void PrepareResponseHeaders()
    {
        if (_headersPrepared) return;
        _headersPrepared = true;
        var response = _httpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        if (_responseCompressor is not null) response.Headers[GrpcProtocol.EncodingHeader] = _responseCompressor.EncodingName;
    }

    /// <summary>Trailers when a message (or explicit headers) went out; otherwise a Trailers-Only response.</summary>
    private async Task CompleteResponseAsync(Status status)
    {
        _responseCompleted = true;
        var response = _httpContext.Response;
        if (!_headersPrepared && !response.HasStarted)
        {
            // Trailers-Only: status and trailing metadata travel in the one HEADERS frame, which ends the stream.
            response.ContentType = GrpcProtocol.ContentType;
            AddStatus(response.Headers, status);
            if (_responseTrailers is not null) AddMetadata(response.Headers, _responseTrailers);
        }
        else
        {
            PrepareResponseHeaders();
            var trailers = _httpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
                ?? throw new InvalidOperationException("The transport cannot send trailers; gRPC needs HTTP/2.");
            AddStatus(trailers, status);
            if (_responseTrailers is not null) AddMetadata(trailers, _responseTrailers);
        }
        await response.CompleteAsync().ConfigureAwait(false);
    }

    private static void AddStatus(IHeaderDictionary headers, Status status)
    {
        headers[GrpcProtocol.StatusHeader] = StatusCodeText((int)status.StatusCode);
        if (status.Detail.Length > 0) headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
    }

    private static readonly string[] StatusCodeTexts = Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string StatusCodeText(int code) => (uint)code < StatusCodeTexts.Length ? StatusCodeTexts[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AddMetadata(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (GrpcProtocol.IsReservedHeader(entry.Key)) continue;
            headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }

    protected override async Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        if (_headersPrepared || _httpContext.Response.HasStarted) throw new InvalidOperationException("Response headers can only be sent once per call.");
        foreach (var entry in responseHeaders)
        {
            if (entry.Key == GrpcProtocol.InternalEncodingRequestHeader)
            {
                // Not sent: the handler asks for this response encoding, if the client accepts it.
                var encoding = entry.Value;
                if (MessageCompression.Accepts(_httpContext.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString(), encoding))
                {
                    _responseCompressor = MessageCompression.Find(_settings.CompressionProviders, encoding);
                }
                continue;
            }
            if (GrpcProtocol.IsReservedHeader(entry.Key)) continue;
            _httpContext.Response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
        PrepareResponseHeaders();
        await _httpContext.Response.BodyWriter.FlushAsync(CancellationTokenCore).ConfigureAwait(false);
    }

    protected override string MethodCore => _method;
    protected override string HostCore => _httpContext.Request.Host.Value ?? "";
    protected override string PeerCore => FormatPeer(_httpContext.Connection.RemoteIpAddress, _httpContext.Connection.RemotePort);
    protected override DateTime DeadlineCore => _deadline;
    protected override Metadata RequestHeadersCore => _requestHeaders ??= ReadRequestHeaders();
    protected override CancellationToken CancellationTokenCore => _callCancellation?.Token ?? _httpContext.RequestAborted;
    protected override Metadata ResponseTrailersCore => _responseTrailers ??= new Metadata();
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore => _authContext ??= CreateAuthContext();

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in _httpContext.Request.Headers)
        {
            foreach (var value in header.Value) MetadataHeaders.TryAdd(metadata, header.Key, value);
        }
        return metadata;
    }

    private AuthContext CreateAuthContext()
    {
        var certificate = _httpContext.Connection.ClientCertificate;
        if (certificate is null) return new AuthContext(null, new Dictionary<string, List<AuthProperty>>());
        var properties = new Dictionary<string, List<AuthProperty>>
        {
            ["x509_subject"] = [AuthProperty.Create("x509_subject", System.Text.Encoding.UTF8.GetBytes(certificate.Subject))],
            ["transport_security_type"] = [AuthProperty.Create("transport_security_type", "ssl"u8.ToArray())],
        };
        return new AuthContext("x509_subject", properties);
    }

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"ipv6:[{address}]:{port}",
        _ => $"ipv4:{address}:{port}",
    };

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _callCancellation?.Dispose();
        // The lock is left to the GC: a deadline callback may still be waiting on it.
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Error when executing service method '{Method}'.")]
    private static partial void LogHandlerError(ILogger logger, string method, Exception exception);
}
