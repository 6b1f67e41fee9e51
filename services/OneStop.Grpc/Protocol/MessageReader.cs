using System.Buffers;
using System.IO.Pipelines;
using Grpc.Core;
using Grpc.Net.Compression;

namespace OneStop.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed messages from a pipe, one at a time. Used by the server for requests and by the client
/// for responses; the two differ only in the wording of errors, so the caller passes that in.
/// </summary>
internal sealed class MessageReader
{
    private readonly PipeReader _input;
    private readonly int _maxMessageSize;
    private readonly ICompressionProvider? _decompressor;
    private readonly PayloadDeserializationContext _context = new();

    public MessageReader(PipeReader input, int maxMessageSize, ICompressionProvider? decompressor)
    {
        _input = input;
        _maxMessageSize = maxMessageSize;
        _decompressor = decompressor;
    }

    /// <summary>Whether the last message read had its compressed flag set.</summary>
    public bool LastMessageCompressed { get; private set; }

    /// <summary>The next message, or <c>default</c> with false at the end of the stream.</summary>
    public async ValueTask<(bool HasMessage, T Message)> ReadAsync<T>(Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool framed;
            bool compressed;
            ReadOnlySequence<byte> payload;
            try
            {
                framed = MessageFrame.TryRead(ref buffer, _maxMessageSize, out compressed, out payload);
            }
            catch
            {
                _input.AdvanceTo(buffer.Start, buffer.End);
                throw;
            }

            if (framed)
            {
                try
                {
                    LastMessageCompressed = compressed;
                    return (true, Deserialize(deserializer, compressed, payload));
                }
                finally
                {
                    _input.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted)
            {
                var leftover = buffer.Length;
                _input.AdvanceTo(buffer.End);
                if (leftover > 0) throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a message."));
                return (false, default!);
            }
            if (result.IsCanceled) throw new OperationCanceledException(cancellationToken);
            _input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private T Deserialize<T>(Func<DeserializationContext, T> deserializer, bool compressed, ReadOnlySequence<byte> payload)
    {
        if (compressed)
        {
            if (_decompressor is null)
            {
                throw new RpcException(new Status(StatusCode.Internal,
                    "A compressed message arrived but grpc-encoding named no compression."));
            }
            payload = MessageCompression.Decompress(_decompressor, payload, _maxMessageSize);
        }
        _context.SetPayload(payload);
        try
        {
            return deserializer(_context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize message: " + ex.Message, ex));
        }
        finally
        {
            _context.SetPayload(default);
        }
    }
}
