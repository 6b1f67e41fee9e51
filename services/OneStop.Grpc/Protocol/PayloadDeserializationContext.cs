using System.Buffers;
using Grpc.Core;

namespace OneStop.Grpc.Protocol;

/// <summary>A reusable deserialization context over one received payload; no copy unless a marshaller asks for an array.</summary>
internal sealed class PayloadDeserializationContext : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public void SetPayload(ReadOnlySequence<byte> payload) => _payload = payload;

    public override int PayloadLength => (int)_payload.Length;
    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();
    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
