using System.Net;

namespace Grpc.Net.Client;

/// <summary>The body of a single-request call: one frame, serialized before sending.</summary>
internal sealed class UnaryRequestContent(ReadOnlyMemory<byte> frame) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);

    // No Content-Length: gRPC bodies are framed, and peers do not expect one.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>
/// The body of a streaming-request call. The HTTP handler hands us its request stream and waits; the request
/// stream writer writes frames into it; completing the writer ends the body (END_STREAM).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Stream> RequestStream => _stream.Task;

    /// <summary>Ends the request body normally.</summary>
    public void Complete() => _complete.TrySetResult();

    /// <summary>The call is over: release anyone waiting for the stream and abandon the body.</summary>
    public void Abort(Exception reason)
    {
        _stream.TrySetException(reason);
        _complete.TrySetException(reason);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await using (cancellationToken.Register(static s => ((TaskCompletionSource)s!).TrySetCanceled(), _complete))
        {
            await _complete.Task.ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
