using System.Buffers;
using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>The request stream of a client-streaming or duplex call. One write at a time, then CompleteAsync.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, CallOptions options) : IClientStreamWriter<TRequest>
    where TRequest : class where TResponse : class
{
    private static readonly TimeSpan StatusGracePeriod = TimeSpan.FromSeconds(1);
    private readonly ArrayBufferWriter<byte> _frame = new();
    private Task _lastWrite = Task.CompletedTask;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; } = options.WriteOptions;

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_frame)
        {
            if (_completed) throw new InvalidOperationException("The request stream has already been completed.");
            if (!_lastWrite.IsCompleted) throw new InvalidOperationException("The previous write is still in progress; await each write.");
            return _lastWrite = WriteCoreAsync(message, cancellationToken);
        }
    }

    private async Task WriteCoreAsync(TRequest message, CancellationToken cancellationToken)
    {
        ThrowIfCallFinished();
        Stream stream;
        try
        {
            stream = await call.StreamingContent!.RequestStream.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            throw call.CallFailure();
        }
        _frame.Clear();
        call.WriteFrame(_frame, message, WriteOptions);
        try
        {
            await stream.WriteAsync(_frame.WrittenMemory, cancellationToken).ConfigureAwait(false);
            if (!WriteOptions.Has(WriteFlags.BufferHint)) await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException)
        {
            // Usually the server ended the call while we were writing: report its status, not the transport's complaint.
            await Task.WhenAny(call.Finished, Task.Delay(StatusGracePeriod, CancellationToken.None)).ConfigureAwait(false);
            if (call.IsFinished) ThrowIfCallFinished();
            throw new RpcException(new Status(StatusCode.Unavailable, $"Error writing the request message. {ex.GetType().Name}: {ex.Message}", ex));
        }
    }

    public async Task CompleteAsync()
    {
        Task pending;
        lock (_frame)
        {
            if (_completed) return;
            _completed = true;
            pending = _lastWrite;
        }
        await pending.ConfigureAwait(false);
        call.StreamingContent!.Complete();
    }

    private void ThrowIfCallFinished()
    {
        if (!call.IsFinished) return;
        if (call.GetStatus().StatusCode != StatusCode.OK) throw call.CallFailure();
        throw new InvalidOperationException("Can't write: the call has already finished.");
    }
}
