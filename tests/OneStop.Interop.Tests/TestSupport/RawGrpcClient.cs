using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace OneStop.Interop.Tests.TestSupport;

/// <summary>
/// gRPC requests built by hand over HTTP/2 cleartext (HttpClient, prior knowledge), for sending what a real gRPC
/// client never would: broken frames, bad headers, wrong content types. No gRPC client code is involved.
/// </summary>
public sealed class RawGrpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _address;

    public RawGrpcClient(string address, TimeSpan? timeout = null)
    {
        _address = new Uri(address);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> as-is and reads the whole response, trailers included.</summary>
    public async Task<RawGrpcResponse> SendAsync(string path, byte[] body, IEnumerable<KeyValuePair<string, string>>? headers = null,
        string contentType = "application/grpc", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? [])
        {
            // Without validation: the point is often a value a well-behaved client would refuse to send.
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RawGrpcResponse(response.StatusCode, Flatten(response.Headers, response.Content.Headers), Flatten(response.TrailingHeaders), responseBody);
    }

    /// <summary>A Length-Prefixed-Message: flag byte, 4-byte big-endian length, payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, byte compressedFlag = 0)
    {
        var frame = new byte[5 + message.Length];
        WriteFrameHeader(frame, compressedFlag, (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>Just the 5-byte frame header, claiming any length (the payload may never follow).</summary>
    public static byte[] FrameHeader(byte compressedFlag, uint length)
    {
        var header = new byte[5];
        WriteFrameHeader(header, compressedFlag, length);
        return header;
    }

    public void Dispose() => _http.Dispose();

    private static void WriteFrameHeader(Span<byte> destination, byte compressedFlag, uint length)
    {
        destination[0] = compressedFlag;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], length);
    }

    private static Dictionary<string, string> Flatten(params HttpHeaders[] all)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var headers in all)
        {
            foreach (var (name, values) in headers.NonValidated) result[name] = string.Join(",", values);
        }
        return result;
    }
}

/// <summary>What came back: HTTP status, headers, body and trailers, with the gRPC status from wherever it was.</summary>
public sealed record RawGrpcResponse(HttpStatusCode HttpStatus, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Trailers, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers of a Trailers-Only response; null when absent.</summary>
    public int? GrpcStatus => Header("grpc-status") is { } text && int.TryParse(text, out var code) ? code : null;

    /// <summary>grpc-message as sent (still percent-encoded); null when absent.</summary>
    public string? GrpcMessage => Header("grpc-message");

    public string? Header(string name) =>
        Trailers.TryGetValue(name, out var trailer) ? trailer : Headers.TryGetValue(name, out var header) ? header : null;

    public override string ToString() =>
        $"HTTP {(int)HttpStatus}, grpc-status {GrpcStatus?.ToString() ?? "(none)"}, grpc-message '{GrpcMessage}', " +
        $"headers [{string.Join("; ", Headers.Select(h => h.Key + ": " + h.Value))}], trailers [{string.Join("; ", Trailers.Select(t => t.Key + ": " + t.Value))}], {Body.Length} body bytes";
}
