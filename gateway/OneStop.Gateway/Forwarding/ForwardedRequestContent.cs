using System.IO.Pipelines;
using System.Net;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// Streams the client's request body to the backend as it arrives, so each gRPC message leaves at once (client and
/// bidirectional streaming). It reads Kestrel's own buffers through the request's
/// <see cref="PipeReader"/>, so a call in flight holds no buffer of the gateway's. Remembers whether any of the body
/// was consumed: only a call whose body is untouched may be retried on another destination.
/// </summary>
public sealed class ForwardedRequestContent(PipeReader clientBody, IdleTimeout? idleTimeout) : HttpContent
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public bool Started => Volatile.Read(ref _started) == 1;

    /// <summary>Why reading the client's body failed (e.g. over the size limit), as opposed to the backend failing.</summary>
    public Exception? ClientBodyError { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) throw new InvalidOperationException("A forwarded body can be sent once only.");
        try
        {
            await CopyAsync(stream, cancellationToken);
        }
        finally
        {
            _finished.TrySetResult();
        }
    }

    /// <summary>
    /// Ends the copy if it still runs (the backend answered before the client finished sending) and waits for it, so
    /// nothing reads the request after the call is over. Bounded: the handler resets the backend stream on its side.
    /// </summary>
    public async Task StopAsync()
    {
        if (!Started || _finished.Task.IsCompleted) return;
        clientBody.CancelPendingRead();
        try
        {
            await _finished.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // Only a backend write stuck past the reset could get here; the request is abandoned either way.
        }
    }

    /// <summary>
    /// Flushes only before it would wait for the client: messages that are already here travel together (a unary
    /// request leaves with its headers in one write), and nothing waits unsent while the client is silent.
    /// </summary>
    private async Task CopyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var unflushed = false;
        while (true)
        {
            ReadResult read;
            try
            {
                if (!clientBody.TryRead(out read))
                {
                    if (unflushed) await stream.FlushAsync(cancellationToken);
                    unflushed = false;
                    read = await clientBody.ReadAsync(cancellationToken);
                }
            }
            catch (Exception e) when (RecordClientFailure(e)) { throw; }
            var buffer = read.Buffer;
            idleTimeout?.Touch();
            foreach (var segment in buffer) await stream.WriteAsync(segment, cancellationToken);
            unflushed |= !buffer.IsEmpty;
            // Kestrel checks the body size limit when the bytes are consumed, so this can fail too.
            try { clientBody.AdvanceTo(buffer.End); }
            catch (Exception e) when (RecordClientFailure(e)) { throw; }
            // END_STREAM to the backend: the handler sends it, with anything not yet flushed.
            if (read.IsCompleted || read.IsCanceled) return;
        }
    }

    /// <summary>Remembers a failure on the client's side, so it is not taken for the backend's (never catches).</summary>
    private bool RecordClientFailure(Exception error)
    {
        if (error is not OperationCanceledException) ClientBodyError = error;
        return false;
    }

    // No Content-Length: gRPC bodies are framed, and the length is unknown while the client still streams.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
