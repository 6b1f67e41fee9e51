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

    /// <summary>
    /// Set when a message came with the end of the stream and nothing after it. Asking the pipe again would only
    /// report that end once more; a unary call would pay a second read (and AdvanceTo) of the body for nothing.
    /// </summary>
    private bool _endSeen;

    /// <summary>Whether the last message read had its compressed flag set.</summary>
    public bool LastMessageCompressed { get; private set; }

    /// <summary>The next message, or <c>default</c> with false at the end of the stream.</summary>
    public async ValueTask<(bool HasMessage, T Message)> ReadAsync<T>(Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
    {
        if (_endSeen)
        {
            // What the pipe's read would do with a cancelled token, even with the end already there.
            cancellationToken.ThrowIfCancellationRequested();
            return (false, default!);
        }
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
                    var message = Deserialize(deserializer, compressed, payload);
                    _endSeen = result.IsCompleted && buffer.IsEmpty;
                    return (true, message);
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
