using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Google.Protobuf;

namespace OneStop.Grpc.Tests.TestSupport;

/// <summary>
/// Well-formed gRPC calls of every shape (unary, server-, client-streaming, duplex) over plain <see cref="HttpClient"/>
/// (h2c, HTTP/2 only), with protobuf messages framed by hand: server tests need no gRPC client code and see what
/// goes over the wire. <see cref="RawGrpcClient"/> is its sibling for deliberately malformed requests.
/// </summary>
public sealed class RawGrpcStreamingClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _address;

    public RawGrpcStreamingClient(string address)
    {
        _address = new Uri(address);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
        {
            // Calls are bounded by the tests' own cancellation tokens.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Starts a call on <paramref name="path"/> ("/package.Service/Method"): send, complete, read on the result.</summary>
    public RawGrpcCall Start(string path, CancellationToken cancellationToken = default) =>
        new(_http, new Uri(_address, path), cancellationToken);

    /// <summary>One request, then every response and the status.</summary>
    public async Task<RawGrpcResult<TResponse>> UnaryAsync<TResponse>(string path, IMessage request, MessageParser<TResponse> parser,
        CancellationToken cancellationToken = default) where TResponse : class, IMessage<TResponse>
    {
        await using var call = Start(path, cancellationToken);
        await call.SendAsync(request);
        call.CompleteRequests();
        var responses = new List<TResponse>();
        while (await call.ReadAsync(parser) is { } response) responses.Add(response);
        var (status, message) = await call.GetStatusAsync();
        return new RawGrpcResult<TResponse>(responses, status, message);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The responses of a finished call, with its grpc-status and (decoded) grpc-message.</summary>
public sealed record RawGrpcResult<TResponse>(IReadOnlyList<TResponse> Responses, int Status, string? Message)
{
    public TResponse Single() => Responses.Count == 1
        ? Responses[0]
        : throw new InvalidOperationException($"Expected one response, got {Responses.Count} (status {Status}: {Message}).");
}

/// <summary>One open call: requests go out as they are sent, responses are read as they arrive.</summary>
public sealed class RawGrpcCall : IAsyncDisposable
{
    private readonly StreamingContent _content = new();
    private readonly CancellationTokenSource _cancellation;
    private readonly Task<HttpResponseMessage> _responseTask;
    private Stream? _responseBody;

    internal RawGrpcCall(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = _content,
            // Exact: cleartext HTTP/2 with prior knowledge, never a fallback to HTTP/1.1. (HttpClient's defaults
            // apply only to requests it builds itself, not to one built here.)
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        _content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        // Headers-read: a streaming response must be readable while the request is still open.
        _responseTask = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _cancellation.Token);
    }

    public async Task<HttpResponseMessage> GetResponseAsync() => await _responseTask.WaitAsync(_cancellation.Token);

    /// <summary>Sends one length-prefixed, uncompressed message.</summary>
    public Task SendAsync(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return _content.Frames.Writer.WriteAsync(frame, _cancellation.Token).AsTask();
    }

    /// <summary>Half-closes: ends the request stream.</summary>
    public void CompleteRequests() => _content.Frames.Writer.TryComplete();

    /// <summary>The next response message, or null once the response stream has ended.</summary>
    public async Task<TResponse?> ReadAsync<TResponse>(MessageParser<TResponse> parser, CancellationToken cancellationToken = default)
        where TResponse : class, IMessage<TResponse>
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token, cancellationToken);
        var body = _responseBody ??= await (await GetResponseAsync()).Content.ReadAsStreamAsync(linked.Token);
        var header = new byte[5];
        var read = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, linked.Token);
        if (read == 0) return null;
        if (read < header.Length) throw new InvalidDataException("The response ended inside a message header.");
        if (header[0] != 0) throw new InvalidDataException("Compressed response, though no grpc-accept-encoding was sent.");
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await body.ReadExactlyAsync(payload, linked.Token);
        return parser.ParseFrom(payload);
    }

    /// <summary>grpc-status and grpc-message, from the trailers or, for a Trailers-Only response, the headers.</summary>
    public async Task<(int Status, string? Message)> GetStatusAsync()
    {
        var response = await GetResponseAsync();
        // Trailers are there only once the body has been read to its end.
        var body = _responseBody ??= await response.Content.ReadAsStreamAsync(_cancellation.Token);
        await body.CopyToAsync(Stream.Null, _cancellation.Token);
        var status = Find(response.TrailingHeaders, "grpc-status") ?? Find(response.Headers, "grpc-status")
            ?? throw new InvalidDataException($"No grpc-status (HTTP {(int)response.StatusCode}).");
        var message = Find(response.TrailingHeaders, "grpc-message") ?? Find(response.Headers, "grpc-message");
        return (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), message is null ? null : Uri.UnescapeDataString(message));
    }

    /// <summary>Cancels the call (an HTTP/2 RST_STREAM) if it is still open.</summary>
    public async ValueTask DisposeAsync()
    {
        _content.Frames.Writer.TryComplete();
        await _cancellation.CancelAsync();
        try
        {
            (await _responseTask).Dispose();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
        {
            // The call was cancelled before its headers came, or the connection is gone: nothing left to release.
        }
        _cancellation.Dispose();
    }

    private static string? Find(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>A request body that writes each frame as it is queued and ends when the queue is completed.</summary>
    private sealed class StreamingContent : HttpContent
    {
        public Channel<byte[]> Frames { get; } = Channel.CreateUnbounded<byte[]>();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await foreach (var frame in Frames.Reader.ReadAllAsync(cancellationToken))
            {
                await stream.WriteAsync(frame, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
