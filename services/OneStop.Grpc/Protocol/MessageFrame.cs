using System.Buffers;
using System.Buffers.Binary;
using Grpc.Core;

namespace OneStop.Grpc.Protocol;

/// <summary>The Length-Prefixed-Message frame: a compressed flag byte, a 4-byte big-endian length, the payload.</summary>
public static class MessageFrame
{
    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(1), (uint)length);
    }

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/>. False when more bytes are needed.
    /// A bad flag or an over-size length is a protocol error and throws <see cref="RpcException"/>.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.MessageHeaderSize) return false;

        Span<byte> header = stackalloc byte[GrpcProtocol.MessageHeaderSize];
        buffer.Slice(0, GrpcProtocol.MessageHeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {header[0]} in message header.")),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(1));
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxMessageSize})."));
        }
        if (buffer.Length < GrpcProtocol.MessageHeaderSize + length) return false;

        payload = buffer.Slice(GrpcProtocol.MessageHeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }
}
