using Grpc.Core;

namespace OneStop.Grpc.InteropServer.InteropRules;

/// <summary>
/// The response headers of one call: the echoed initial metadata, and the choice of gzip for compressed responses.
/// Headers leave once, before the first message, so both have to be decided together.
/// </summary>
public static class ResponseHeaders
{
    /// <summary>
    /// Not sent on the wire: asks OneStop.Grpc (like grpc-dotnet) to use gzip for this call's response messages,
    /// when the client's grpc-accept-encoding lists it. Messages written with NoCompress stay uncompressed.
    /// </summary>
    private const string EncodingRequestKey = "grpc-internal-encoding-request";

    /// <summary>
    /// Sends headers now if there is anything to say. Otherwise they go with the first message, or the call ends
    /// as Trailers-Only, which keeps that path exercised too.
    /// </summary>
    public static Task SendAsync(ServerCallContext context, bool compressResponses)
    {
        var headers = new Metadata();
        foreach (var entry in EchoMetadata.InitialEntries(context)) headers.Add(entry);
        if (compressResponses) headers.Add(EncodingRequestKey, "gzip");
        return headers.Count == 0 ? Task.CompletedTask : context.WriteResponseHeadersAsync(headers);
    }
}
