using Google.Protobuf;
using Grpc.Testing;

namespace OneStop.Benchmarks.Framing;

/// <summary>Interop messages with a 256-byte body: about the size of a typical OneStop request or response.</summary>
internal static class SampleMessages
{
    public const int BodySize = 256;

    public static SimpleRequest Request() => new()
    {
        ResponseType = PayloadType.Compressable,
        ResponseSize = BodySize,
        Payload = new Payload { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[BodySize]) },
        FillUsername = true,
    };

    public static SimpleResponse Response() => new()
    {
        Payload = new Payload { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[BodySize]) },
        Username = "benchmark-user",
    };
}
