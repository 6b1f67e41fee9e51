using System.Buffers;

namespace Grpc.Core;

/// <summary>Collects one serialized message into a byte array (used when a caller wants the simple form).</summary>
internal sealed class ArraySerializationContext : SerializationContext
{
    private ArrayBufferWriter<byte>? _writer;
    private byte[]? _result;

    public byte[] Result => _result ?? throw new InvalidOperationException("The marshaller did not complete the serialization context.");

    public override void Complete(byte[] payload) => _result = payload;
    public override IBufferWriter<byte> GetBufferWriter() => _writer ??= new ArrayBufferWriter<byte>();
    public override void Complete() => _result = _writer?.WrittenSpan.ToArray() ?? Array.Empty<byte>();
}

/// <summary>Presents a byte array as a deserialization context.</summary>
internal sealed class ArrayDeserializationContext(byte[] payload) : DeserializationContext
{
    public override int PayloadLength => payload.Length;
    public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();
    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
}
