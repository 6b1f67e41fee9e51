using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Grpc.InteropServer.InteropRules;

/// <summary>
/// The spec's CompressedRequest feature: when a request carries <c>expect_compressed</c>, the message must have
/// arrived with exactly that compressed flag, otherwise INVALID_ARGUMENT. Clients use the failing uncompressed
/// probe to learn that the server checks at all.
/// </summary>
public static class CompressionProbe
{
    /// <summary>Call right after reading the message: the flag is the one of the last message read.</summary>
    public static void Check(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed is null) return;
        var wasCompressed = context.IsLastRequestMessageCompressed();
        if (wasCompressed == expectCompressed.Value) return;
        var detail = expectCompressed.Value
            ? "Expected a compressed request message, but it arrived uncompressed."
            : "Expected an uncompressed request message, but it arrived compressed.";
        throw new RpcException(new Status(StatusCode.InvalidArgument, detail));
    }
}
