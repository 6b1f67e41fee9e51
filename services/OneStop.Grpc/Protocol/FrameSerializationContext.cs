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
internal sealed class FrameSerializationContext : SerializationContext
{
    private readonly int _maxMessageSize;
    private IBufferWriter<byte> _output = null!;
    private ICompressionProvider? _compression;
    private CompressionLevel? _compressionLevel;
    private int _payloadLength = -1;
    private bool _writingDirectly;
    private ArrayBufferWriter<byte>? _scratch;

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
        if (_payloadLength >= 0 && _compression is null)
        {
            var header = _output.GetSpan(GrpcProtocol.MessageHeaderSize);
            MessageFrame.WriteHeader(header, compressed: false, _payloadLength);
            _output.Advance(GrpcProtocol.MessageHeaderSize);
            _writingDirectly = true;
            return _output;
        }
        return _scratch ??= new ArrayBufferWriter<byte>();
    }

    public override void Complete()
    {
        if (_writingDirectly) return;
        WriteFrame(_scratch is null ? ReadOnlySpan<byte>.Empty : _scratch.WrittenSpan);
    }

    public override void Complete(byte[] payload) => WriteFrame(payload);

    private void WriteFrame(ReadOnlySpan<byte> payload)
    {
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
