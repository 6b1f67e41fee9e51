using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Grpc.InteropServer.InteropRules;

/// <summary>Response payloads: <c>size</c> zero bytes of the only payload type the schema has (COMPRESSABLE).</summary>
public static class Payloads
{
    public static Payload Zeros(PayloadType type, int size)
    {
        if (type != PayloadType.Compressable) throw new RpcException(new Status(StatusCode.InvalidArgument, $"Unsupported response_type {type}."));
        if (size < 0) throw new RpcException(new Status(StatusCode.InvalidArgument, $"Negative response size {size}."));
        return new Payload { Type = type, Body = size == 0 ? ByteString.Empty : ByteString.CopyFrom(new byte[size]) };
    }

    public static int BodyLength(Payload? payload) => payload?.Body.Length ?? 0;
}
