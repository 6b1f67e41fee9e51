using System.Buffers;
using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace OneStop.Grpc.Protocol;

/// <summary>
/// Serializes one message as a frame into an output buffer. When the marshaller announces the length and the
/// message is not compressed, the payload goes straight into the output after the header: no copy, no array.
/// Otherwise it is collected first (to learn the length or to compress it).
/// </summary>
/// <remarks>
/// In the direct case the marshaller writes through this context (as an <see cref="IBufferWriter{T}"/>) rather than
/// the output itself, and the header goes into the front of the payload's first buffer: one Advance commits both. On
/// Kestrel every GetSpan/Advance of the response writer takes a lock, so a small message costs two such calls
/// instead of three or four. The bytes written are the same.
/// </remarks>
internal sealed class FrameSerializationContext : SerializationContext, IBufferWriter<byte>
{
    private readonly int _maxMessageSize;
    private IBufferWriter<byte> _output = null!;
    private ICompressionProvider? _compression;
    private CompressionLevel? _compressionLevel;
    private int _payloadLength = -1;
    private bool _writingDirectly;
    private ArrayBufferWriter<byte>? _scratch;

    /// <summary>A direct-case header is owed to the output: not yet committed by an Advance.</summary>
    private bool _headerPending;

    /// <summary>The owed header sits at the front of the buffer the output last handed out.</summary>
    private bool _headerInBuffer;

    public FrameSerializationContext(int maxMessageSize) => _maxMessageSize = maxMessageSize;

    /// <summary>Serializes <paramref name="message"/> as one frame into <paramref name="output"/>.</summary>
    public void WriteMessage<T>(IBufferWriter<byte> output, T message, Action<T, SerializationContext> serializer,
        ICompressionProvider? compression, CompressionLevel? compressionLevel = null)
    {
        _output = output;
        _compression = compression;
        _compressionLevel = compressionLevel;
        _payloadLength = -1;
        _writingDirectly = false;
        try
        {
            serializer(message, this);
        }
        finally
        {
            // Whatever the marshaller did, the header it asked for is in the output, as if written at once.
            CommitPendingHeader();
            _output = null!;
            _scratch?.Clear();
        }
    }

    public override void SetPayloadLength(int payloadLength)
    {
        CheckSize(payloadLength);
        _payloadLength = payloadLength;
    }

    public override IBufferWriter<byte> GetBufferWriter()
    {
        CommitPendingHeader();
        if (_payloadLength >= 0 && _compression is null)
        {
            _headerPending = true;
            _headerInBuffer = false;
            _writingDirectly = true;
            return this;
        }
        return _scratch ??= new ArrayBufferWriter<byte>();
    }

    public override void Complete()
    {
        if (_writingDirectly)
        {
            CommitPendingHeader();
            return;
        }
        WriteFrame(_scratch is null ? ReadOnlySpan<byte>.Empty : _scratch.WrittenSpan);
    }

    public override void Complete(byte[] payload) => WriteFrame(payload);

    // IBufferWriter<byte> for the direct case. While the header is owed, every buffer asked for is the output's with
    // room for the header in front; the header is (re)written there, and the next Advance commits it with the payload.

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => ((IBufferWriter<byte>)this).GetMemory(sizeHint).Span;

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        if (!_headerPending) return _output.GetMemory(sizeHint);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var buffer = _output.GetMemory(GrpcProtocol.MessageHeaderSize + sizeHint);
        MessageFrame.WriteHeader(buffer.Span, compressed: false, _payloadLength);
        _headerInBuffer = true;
        return buffer.Slice(GrpcProtocol.MessageHeaderSize);
    }

    void IBufferWriter<byte>.Advance(int count)
    {
        if (_headerPending && _headerInBuffer)
        {
            _headerPending = false;
            _output.Advance(GrpcProtocol.MessageHeaderSize + count);
            return;
        }
        // An Advance with no buffer asked for (an empty payload): the header goes out on its own first.
        CommitPendingHeader();
        if (count > 0) _output.Advance(count);
    }

    private void CommitPendingHeader()
    {
        if (!_headerPending) return;
        _headerPending = false;
        if (!_headerInBuffer)
        {
            MessageFrame.WriteHeader(_output.GetSpan(GrpcProtocol.MessageHeaderSize), compressed: false, _payloadLength);
        }
        _output.Advance(GrpcProtocol.MessageHeaderSize);
    }

    private void WriteFrame(ReadOnlySpan<byte> payload)
    {
        CommitPendingHeader();
        CheckSize(payload.Length);
        if (_compression is not null) payload = MessageCompression.Compress(_compression, payload, _compressionLevel);
        var destination = _output.GetSpan(GrpcProtocol.MessageHeaderSize + payload.Length);
        MessageFrame.WriteHeader(destination, _compression is not null, payload.Length);
        payload.CopyTo(destination.Slice(GrpcProtocol.MessageHeaderSize));
        _output.Advance(GrpcProtocol.MessageHeaderSize + payload.Length);
    }

    private void CheckSize(int length)
    {
        if (length > _maxMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Sending message larger than max ({length} vs. {_maxMessageSize})."));
        }
    }
}
