namespace OneStop.Grpc.Protocol;

/// <summary>Names and numbers from grpc/grpc doc/PROTOCOL-HTTP2.md that both client and server use.</summary>
public static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string RetryPushbackHeader = "grpc-retry-pushback-ms";
    public const string IdentityEncoding = "identity";

    /// <summary>Set in a server's response headers (not sent) to ask for a compressed response, as grpc-dotnet does.</summary>
    public const string InternalEncodingRequestHeader = "grpc-internal-encoding-request";

    /// <summary>One byte compressed-flag plus four bytes big-endian length.</summary>
    public const int MessageHeaderSize = 5;

    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>True for <c>application/grpc</c> and its <c>+proto</c>/<c>+json</c>/<c>;params</c> variants.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)) return false;
        if (contentType.Length == ContentType.Length) return true;
        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }

    /// <summary>Request headers that are protocol, not application metadata.</summary>
    public static bool IsReservedHeader(string name) => name switch
    {
        "content-type" or "te" or "host" or "content-length" or "connection" or "keep-alive" or "transfer-encoding" or "upgrade"
            or TimeoutHeader or EncodingHeader or AcceptEncodingHeader or StatusHeader or MessageHeader => true,
        _ => name.Length > 0 && name[0] == ':',
    };
}
