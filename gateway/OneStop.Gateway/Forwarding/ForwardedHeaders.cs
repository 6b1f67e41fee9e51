using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace OneStop.Gateway.Forwarding;

/// <summary>Which headers cross the gateway, in each direction (RFC 9110 §7.6.1 hop-by-hop headers stay behind).</summary>
public static class ForwardedHeaders
{
    /// <summary>Connection-specific; meaningful for one hop only. TE is replaced by "te: trailers", which gRPC needs.</summary>
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length",
        // The backend's grpc-timeout is recomputed from the remaining deadline.
        "grpc-timeout",
    };

    /// <summary>
    /// Never passed on. The gateway does not tell services the client's address: they authorize on the token and
    /// hold pseudonymous ids, and an IP address is personal data they do not need (docs/architecture.md, privacy); the
    /// gateway's own log has it. A client's own values would be spoofable in the backends' logs.
    /// </summary>
    public static readonly IReadOnlyList<string> NeverForwarded = ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix", "Forwarded"];

    private static readonly HashSet<string> ForwardingHeaders = new(NeverForwarded, StringComparer.OrdinalIgnoreCase);

    /// <summary>Set by the gateway's own server on the way out.</summary>
    private static readonly HashSet<string> ResponseOwnedByGateway = new(StringComparer.OrdinalIgnoreCase) { "Date", "Server" };

    public static void CopyRequestHeaders(HttpRequest from, HttpRequestMessage to)
    {
        foreach (var (name, values) in from.Headers)
        {
            // HTTP/2 pseudo-headers (":authority", …) are rebuilt by the handler for the backend connection.
            if (name.StartsWith(':') || HopByHop.Contains(name) || ForwardingHeaders.Contains(name)) continue;
            string[] list = values!;
            if (!to.Headers.TryAddWithoutValidation(name, list)) to.Content?.Headers.TryAddWithoutValidation(name, list);
        }
        to.Headers.TryAddWithoutValidation("te", "trailers");
    }

    /// <summary>
    /// Response headers and trailers are read <see cref="HttpHeaders.NonValidated"/>: passed on as the backend sent
    /// them, without parsing each value on every call.
    /// </summary>
    public static void CopyResponseHeaders(HttpResponseMessage from, HttpResponse to)
    {
        Copy(from.Headers, to.Headers);
        Copy(from.Content.Headers, to.Headers);
    }

    public static void CopyTrailers(HttpResponseMessage from, HttpResponse to)
    {
        foreach (var (name, values) in from.TrailingHeaders.NonValidated)
        {
            if (!HopByHop.Contains(name)) to.AppendTrailer(name, ToStringValues(values));
        }
    }

    private static void Copy(HttpHeaders from, IHeaderDictionary to)
    {
        foreach (var (name, values) in from.NonValidated)
        {
            if (HopByHop.Contains(name) || ResponseOwnedByGateway.Contains(name)) continue;
            to[name] = ToStringValues(values);
        }
    }

    private static StringValues ToStringValues(HeaderStringValues values) =>
        values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());
}
