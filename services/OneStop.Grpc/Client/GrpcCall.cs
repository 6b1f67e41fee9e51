using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Compression;
using OneStop.Grpc.Protocol;

namespace Grpc.Net.Client;

/// <summary>
/// One client call of any method type, as one HTTP/2 request. The steps:
/// 1. start: resolve deadline and credentials, build the request, send it without waiting;
/// 2. headers: validate the response; a Trailers-Only response ends the call here;
/// 3. messages: read frames from the response body;
/// 4. end: read grpc-status from the trailers (or map the HTTP status when it is missing).
/// Whatever ends the call first (server status, deadline, cancellation, transport error) fixes its status once.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IAsyncStreamReader<TResponse>, IDisposable
    where TRequest : class where TResponse : class
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcProtocol.ContentType);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly string? _host;
    private readonly CancellationTokenSource _callCancellation = new();
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _userCancellation;
    private CancellationTokenRegistration _parentCancellation;
    private ITimer? _deadlineTimer;
    private ICompressionProvider? _requestCompression;
    private StreamingRequestContent? _streamingContent;
    private Task<bool>? _headersTask;
    private HttpResponseMessage? _response;
    private MessageReader? _reader;
    private Status? _status;
    private Metadata? _trailers;
    private TResponse? _current;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _host = host;
        _options = options;
    }

    /// <summary>True once real response headers (not a Trailers-Only response) arrived: from then on a retry is not allowed.</summary>
    public bool ResponseHeadersReceived { get; private set; }

    /// <summary>The server's <c>grpc-retry-pushback-ms</c>: null when absent, negative when it said "don't retry".</summary>
    public int? RetryPushbackMilliseconds { get; private set; }

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;
    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");
    public StreamingRequestContent? StreamingContent => _streamingContent;

    public Status GetStatus() => _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");
    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("Unable to get the trailers because the call is not complete.");

    // ---- step 1: start ----

    public void StartUnaryRequest(TRequest request) => Start(request, streaming: false);
    public void StartStreamingRequest() => Start(null, streaming: true);

    private void Start(TRequest? request, bool streaming)
    {
        var deadline = EffectiveDeadline();
        if (deadline is { } d)
        {
            var remaining = d - _channel.Options.TimeProvider.GetUtcNow().UtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                // Already past: fail without touching the network, as every gRPC client does.
                Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), Metadata.Empty);
                _headersTask = Task.FromResult(false);
                return;
            }
            _deadlineTimer = _channel.Options.TimeProvider.CreateTimer(static s => ((GrpcCall<TRequest, TResponse>)s!).OnDeadline(), this, remaining, Timeout.InfiniteTimeSpan);
        }
        if (_options.CancellationToken.CanBeCanceled)
        {
            _userCancellation = _options.CancellationToken.UnsafeRegister(static s => ((GrpcCall<TRequest, TResponse>)s!).Cancel("Call canceled by the client."), this);
        }
        if (_options.PropagationToken?.ParentCancellationToken is { CanBeCanceled: true } parent)
        {
            _parentCancellation = parent.UnsafeRegister(static s => ((GrpcCall<TRequest, TResponse>)s!).Cancel("Parent call was canceled."), this);
        }
        _headersTask = SendAsync(request, streaming, deadline);
    }

    private DateTime? EffectiveDeadline()
    {
        DateTime? deadline = _options.Deadline is { } own && own != DateTime.MaxValue ? own.ToUniversalTime() : null;
        if (_options.PropagationToken?.ParentDeadline is { } parent && (deadline is null || parent < deadline)) deadline = parent;
        return deadline;
    }

    private async Task<bool> SendAsync(TRequest? request, bool streaming, DateTime? deadline)
    {
        HttpRequestMessage? httpRequest = null;
        try
        {
            httpRequest = await CreateRequestAsync(request, streaming, deadline).ConfigureAwait(false);
            var response = await _channel.Invoker.SendAsync(httpRequest, _callCancellation.Token).ConfigureAwait(false);
            lock (_lock)
            {
                _response = response;
                // Finished meanwhile (deadline, cancel): the response is not ours to read any more.
                if (_status is not null) response.Dispose();
            }
            return await ProcessHeadersAsync(response).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var status = StatusFromException(ex, "Error starting gRPC call.");
            Finish(status, Metadata.Empty);
            throw new RpcException(status, _trailers ?? Metadata.Empty);
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(TRequest? request, bool streaming, DateTime? deadline)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var headers = message.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, _channel.AcceptEncoding);
        if (_host is not null) headers.Host = _host;
        if (deadline is { } d)
        {
            var remaining = d - _channel.Options.TimeProvider.GetUtcNow().UtcDateTime;
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(remaining));
        }

        var metadata = await CollectMetadataAsync().ConfigureAwait(false);
        if (metadata is not null)
        {
            foreach (var entry in metadata)
            {
                if (entry.Key == GrpcProtocol.InternalEncodingRequestHeader)
                {
                    // Not sent: asks for this call's requests to be compressed (grpc-dotnet's convention).
                    _requestCompression = MessageCompression.Find(_channel.CompressionProviders, entry.Value)
                        ?? throw new RpcException(new Status(StatusCode.Internal, $"No compression provider for '{entry.Value}'."));
                    continue;
                }
                if (GrpcProtocol.IsReservedHeader(entry.Key)) continue;
                headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }
        }
        if (_requestCompression is not null) headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, _requestCompression.EncodingName);

        HttpContent content;
        if (streaming)
        {
            content = _streamingContent = new StreamingRequestContent();
        }
        else
        {
            var frame = new ArrayBufferWriter<byte>();
            WriteFrame(frame, request!, _options.WriteOptions);
            content = new UnaryRequestContent(frame.WrittenMemory);
        }
        content.Headers.ContentType = GrpcContentType;
        message.Content = content;
        return message;
    }

    /// <summary>The call's headers plus whatever call credentials add; credentials need TLS unless explicitly allowed.</summary>
    private async Task<Metadata?> CollectMetadataAsync()
    {
        var credentials = (_channel.Options.Credentials?.CallCredentials, _options.Credentials) switch
        {
            (null, null) => null,
            ({ } c, null) => c,
            (null, { } c) => c,
            ({ } a, { } b) => CallCredentials.Compose(a, b),
        };
        if (credentials is null) return _options.Headers;
        if (!_channel.IsSecure && !_channel.Options.UnsafeUseInsecureChannelCallCredentials)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                "Call credentials need a TLS channel; set UnsafeUseInsecureChannelCallCredentials to send them over h2c."));
        }
        var metadata = new Metadata();
        if (_options.Headers is not null) foreach (var entry in _options.Headers) metadata.Add(entry);
        var serviceUrl = new Uri(_channel.Address, "/" + _method.ServiceName).ToString();
        await credentials.ApplyAsync(new AuthInterceptorContext(serviceUrl, _method.Name, _callCancellation.Token), metadata).ConfigureAwait(false);
        return metadata;
    }

    private static readonly string UserAgent = "grpc-dotnet-onestop/" + typeof(GrpcCall<,>).Assembly.GetName().Version?.ToString(3);

    /// <summary>Serializes one request message as a frame, compressed unless the write asks otherwise.</summary>
    public void WriteFrame(IBufferWriter<byte> output, TRequest message, WriteOptions? writeOptions)
    {
        var compress = _requestCompression is not null && !writeOptions.Has(WriteFlags.NoCompress);
        new FrameSerializationContext(_channel.MaxSendMessageSize)
            .WriteMessage(output, message, _method.RequestMarshaller.ContextualSerializer, compress ? _requestCompression : null);
    }

    // ---- step 2: headers ----

    /// <summary>False when the response was Trailers-Only (the call is already finished).</summary>
    private async Task<bool> ProcessHeadersAsync(HttpResponseMessage response)
    {
        var grpcStatus = HeaderValue(response.Headers, GrpcProtocol.StatusHeader);
        if (response.StatusCode != HttpStatusCode.OK && grpcStatus is null)
        {
            var code = HttpStatusMapping.ToStatusCode((int)response.StatusCode);
            FinishFromHeaders(response, new Status(code, $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}"));
            return false;
        }
        if (grpcStatus is not null)
        {
            FinishFromHeaders(response, ParseStatus(grpcStatus, HeaderValue(response.Headers, GrpcProtocol.MessageHeader)));
            return false;
        }
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            FinishFromHeaders(response, new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}"));
            return false;
        }

        ICompressionProvider? decompressor = null;
        var encoding = HeaderValue(response.Headers, GrpcProtocol.EncodingHeader);
        if (encoding is not null && encoding != GrpcProtocol.IdentityEncoding)
        {
            decompressor = MessageCompression.Find(_channel.CompressionProviders, encoding)
                ?? throw new RpcException(new Status(StatusCode.Internal, $"The server used unsupported grpc-encoding '{encoding}'."));
        }
        ResponseHeadersReceived = true;
        _responseHeaders.TrySetResult(ReadMetadata(response.Headers));
        var body = await response.Content.ReadAsStreamAsync(_callCancellation.Token).ConfigureAwait(false);
        _reader = new MessageReader(PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true)), _channel.MaxReceiveMessageSize, decompressor);
        return true;
    }

    private void FinishFromHeaders(HttpResponseMessage response, Status status)
    {
        var metadata = ReadMetadata(response.Headers);
        if (HeaderValue(response.Headers, GrpcProtocol.RetryPushbackHeader) is { } pushback)
        {
            RetryPushbackMilliseconds = int.TryParse(pushback, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : -1;
        }
        _responseHeaders.TrySetResult(metadata);
        Finish(status, metadata);
    }

    // ---- step 3: messages ----

    public async Task<TResponse> ReadSingleResponseAsync()
    {
        try
        {
            if (await _headersTask!.ConfigureAwait(false))
            {
                var (hasMessage, message) = await _reader!.ReadAsync(_method.ResponseMarshaller.ContextualDeserializer, _callCancellation.Token).ConfigureAwait(false);
                if (hasMessage)
                {
                    var (extra, _) = await _reader.ReadAsync(_method.ResponseMarshaller.ContextualDeserializer, _callCancellation.Token).ConfigureAwait(false);
                    if (extra) throw new RpcException(new Status(StatusCode.Internal, "The server sent more than one message for a unary response."));
                }
                FinishFromTrailers();
                if (_status!.Value.StatusCode == StatusCode.OK)
                {
                    return hasMessage ? message : throw new RpcException(new Status(StatusCode.Internal, "The server returned OK without a response message."));
                }
            }
        }
        catch (Exception ex)
        {
            Finish(StatusFromException(ex, "Error reading the response."), Metadata.Empty);
        }
        if (_status is { StatusCode: StatusCode.OK })
        {
            // A Trailers-Only OK carries no message, and a unary call needs one.
            throw new RpcException(new Status(StatusCode.Internal, "The server returned OK without a response message."), _trailers ?? Metadata.Empty);
        }
        throw CallFailure();
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((GrpcCall<TRequest, TResponse>)s!).Cancel("Call canceled by the client."), this)
            : default;
        try
        {
            if (await _headersTask!.ConfigureAwait(false) && _status is null)
            {
                var (hasMessage, message) = await _reader!.ReadAsync(_method.ResponseMarshaller.ContextualDeserializer, _callCancellation.Token).ConfigureAwait(false);
                if (hasMessage)
                {
                    _current = message;
                    return true;
                }
                FinishFromTrailers();
            }
        }
        catch (Exception ex)
        {
            Finish(StatusFromException(ex, "Error reading the next message."), Metadata.Empty);
        }
        if (_status is { StatusCode: StatusCode.OK }) return false;
        throw CallFailure();
    }

    // ---- step 4: end ----

    private void FinishFromTrailers()
    {
        var trailers = _response!.TrailingHeaders;
        var grpcStatus = HeaderValue(trailers, GrpcProtocol.StatusHeader);
        var status = grpcStatus is null
            ? new Status(StatusCode.Internal, "The server ended the response without a grpc-status trailer.")
            : ParseStatus(grpcStatus, HeaderValue(trailers, GrpcProtocol.MessageHeader));
        Finish(status, ReadMetadata(trailers));
    }

    private static Status ParseStatus(string grpcStatus, string? grpcMessage)
    {
        var detail = PercentEncoding.Decode(grpcMessage);
        return int.TryParse(grpcStatus, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? new Status((StatusCode)code, detail)
            : new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{grpcStatus}'. {detail}".TrimEnd());
    }

    /// <summary>Records the final status once; the first cause wins. Frees the timer and registrations.</summary>
    private bool Finish(Status status, Metadata trailers)
    {
        lock (_lock)
        {
            if (_status is not null) return false;
            _status = status;
            _trailers = trailers;
        }
        _responseHeaders.TrySetException(new RpcException(status, trailers));
        _finished.TrySetResult();
        _deadlineTimer?.Dispose();
        _userCancellation.Dispose();
        _parentCancellation.Dispose();
        _streamingContent?.Abort(new RpcException(status, trailers));
        lock (_lock) _response?.Dispose();
        return true;
    }

    public RpcException CallFailure() => new(_status!.Value, _trailers ?? Metadata.Empty);

    public bool IsFinished => _status is not null;

    /// <summary>Completes when the call's status is known.</summary>
    public Task Finished => _finished.Task;

    private void OnDeadline()
    {
        if (Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), Metadata.Empty)) _callCancellation.Cancel();
    }

    private void Cancel(string reason)
    {
        if (Finish(new Status(StatusCode.Cancelled, reason), Metadata.Empty)) _callCancellation.Cancel();
    }

    private Status StatusFromException(Exception ex, string context)
    {
        if (_status is { } already) return already;
        return ex switch
        {
            RpcException rpc => rpc.Status,
            HttpProtocolException protocol => new Status(Http2ErrorMapping.ToStatusCode(protocol.ErrorCode), $"{context} HTTP/2 error code {protocol.ErrorCode}: {protocol.Message}", ex),
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"{context} {ex.GetType().Name}: {ex.Message}", ex),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled.", ex),
            _ => new Status(StatusCode.Internal, $"{context} {ex.GetType().Name}: {ex.Message}", ex),
        };
    }

    private static string? HeaderValue(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value) MetadataHeaders.TryAdd(metadata, header.Key, value);
        }
        return metadata;
    }

    /// <summary>Cancels the call if it is still running and releases the HTTP response.</summary>
    public void Dispose() => Cancel("Call disposed.");
}
