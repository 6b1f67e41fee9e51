using System.Buffers;

namespace Grpc.Core;

/// <summary>
/// Where a marshaller writes one message. Either <see cref="Complete(byte[])"/> with the whole payload,
/// or <see cref="SetPayloadLength"/>, writes to <see cref="GetBufferWriter"/>, then <see cref="Complete()"/>.
/// </summary>
public abstract class SerializationContext
{
    public virtual void Complete(byte[] payload) => throw new NotImplementedException();

    public virtual IBufferWriter<byte> GetBufferWriter() => throw new NotImplementedException();

    /// <summary>Announces the payload size before buffer writing, so the frame header can be written up front.</summary>
    public virtual void SetPayloadLength(int payloadLength) { }

    public virtual void Complete() => throw new NotImplementedException();
}

/// <summary>Where a marshaller reads one message from.</summary>
public abstract class DeserializationContext
{
    public abstract int PayloadLength { get; }

    public virtual byte[] PayloadAsNewBuffer() => throw new NotImplementedException();

    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence() => throw new NotImplementedException();
}
