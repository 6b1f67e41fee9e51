using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Grpc.InteropServer.InteropRules;

/// <summary>
/// The spec's CompressedRequest feature: when a request carries <c>expect_compressed</c>, the message must have
/// arrived compressed exactly as expected, otherwise INVALID_ARGUMENT. Clients use the failing uncompressed
/// probe to learn that the server checks at all.
/// </summary>
/// <remarks>
/// grpc-dotnet does not expose a message's compressed flag to the handler, so the request's <c>grpc-encoding</c>
/// header stands for it: a client that compresses announces the algorithm there, and one that does not sends none
/// (or <c>identity</c>). <see cref="ServerCallContext.RequestHeaders"/> leaves grpc-* headers out, hence the HttpContext.
/// </remarks>
public static class CompressionProbe
{
    public static void Check(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed is null) return;
        var encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        var wasCompressed = encoding.Length > 0 && !string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase);
        if (wasCompressed == expectCompressed.Value) return;
        var detail = expectCompressed.Value
            ? "Expected a compressed request message, but it arrived uncompressed."
            : "Expected an uncompressed request message, but it arrived compressed.";
        throw new RpcException(new Status(StatusCode.InvalidArgument, detail));
    }
}
