using System.IO.Pipelines;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// Step 5 of <see cref="GrpcForwarder"/>, the response side: the backend's body read straight into the client
/// response's own pipe memory (no gateway buffer per call).
/// </summary>
internal static class ResponseBodyCopy
{
    /// <summary>Response bytes the gateway holds unsent at most (plus one read) while the backend keeps sending.</summary>
    public const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Flushes only before it would wait for the backend (a zero-byte read tells, without holding a buffer): the
    /// headers and each message of a stream reach the client at once, while a unary answer that is all there already
    /// leaves in one write together with its trailers. It also flushes every <see cref="FlushThreshold"/> bytes, so a
    /// backend that always has more waits for a slow client (backpressure: the flush waits while the client's pipe
    /// is full) instead of filling the gateway's memory. The caller has set the response headers, so the first
    /// flush sends them.
    /// </summary>
    public static async Task CopyAsync(Stream backend, PipeWriter client, IdleTimeout? idleTimeout, CancellationToken cancellationToken)
    {
        var unflushed = true; // the response headers
        var unflushedBytes = 0;
        while (true)
        {
            var available = backend.ReadAsync(Memory<byte>.Empty, cancellationToken);
            if (unflushed && (!available.IsCompleted || unflushedBytes >= FlushThreshold))
            {
                var flushed = await client.FlushAsync(cancellationToken);
                unflushed = false;
                unflushedBytes = 0;
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    await available;
                    return;
                }
            }
            await available;
            var read = await backend.ReadAsync(client.GetMemory(), cancellationToken);
            if (read == 0) return;
            idleTimeout?.Touch();
            client.Advance(read);
            unflushed = true;
            unflushedBytes += read;
        }
    }
}
