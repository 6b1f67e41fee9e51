using System.Buffers;
using System.Net;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// Streams the client's request body to the backend as it arrives, flushing after every read so each gRPC message
/// leaves at once (client and bidirectional streaming). Remembers whether any of the body was consumed: only a
/// call whose body is untouched may be retried on another destination.
/// </summary>
public sealed class ForwardedRequestContent(Stream clientBody) : HttpContent
{
    private const int BufferSize = 16 * 1024;
    private int _started;

    public bool Started => Volatile.Read(ref _started) == 1;

    /// <summary>Why reading the client's body failed (e.g. over the size limit), as opposed to the backend failing.</summary>
    public Exception? ClientBodyError { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) throw new InvalidOperationException("A forwarded body can be sent once only.");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                int read;
                try { read = await clientBody.ReadAsync(buffer, cancellationToken); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ClientBodyError = e;
                    throw;
                }
                if (read == 0) return; // END_STREAM to the backend
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // No Content-Length: gRPC bodies are framed, and the length is unknown while the client still streams.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
