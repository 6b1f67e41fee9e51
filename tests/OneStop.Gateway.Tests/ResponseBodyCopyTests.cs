using System.IO.Pipelines;
using OneStop.Gateway.Forwarding;

namespace OneStop.Gateway.Tests;

/// <summary>
/// The flush bound of the response copy. End to end over loopback a client drains as fast as a backend sends, so
/// these tests drive the copy with a backend that always has more (a MemoryStream) and a client pipe they control.
/// </summary>
public sealed class ResponseBodyCopyTests
{
    private const int BodySize = 1024 * 1024;

    [Fact]
    public async Task A_backend_that_always_has_more_is_flushed_every_FlushThreshold_bytes_and_arrives_whole()
    {
        var body = RandomBytes(BodySize);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0)); // never pauses: this test is about flushes alone
        var client = new RecordingPipeWriter(pipe.Writer);

        await ResponseBodyCopy.CopyAsync(new MemoryStream(body), client, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await client.FlushAsync();
        await pipe.Writer.CompleteAsync();

        // Without the bound the copy flushed nothing until the end (a MemoryStream never makes it wait).
        Assert.True(client.Flushes >= BodySize / (ResponseBodyCopy.FlushThreshold + client.LargestAdvance),
            $"{client.Flushes} flushes for {BodySize} bytes");
        Assert.InRange(client.LargestUnflushed, ResponseBodyCopy.FlushThreshold, ResponseBodyCopy.FlushThreshold + client.LargestAdvance - 1);
        Assert.Equal(body, await ReadAllAsync(pipe.Reader));
    }

    [Fact]
    public async Task A_client_that_reads_nothing_stops_the_copy_after_FlushThreshold_bytes_until_it_reads()
    {
        var body = RandomBytes(BodySize);
        var backend = new MemoryStream(body);
        // A slow client: the pipe's flush waits as soon as anything is unread.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1));
        var client = new RecordingPipeWriter(pipe.Writer);

        var copy = ResponseBodyCopy.CopyAsync(backend, client, null, CancellationToken.None);
        await client.FirstWaitingFlush.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(copy.IsCompleted);
        Assert.InRange(backend.Position, ResponseBodyCopy.FlushThreshold, ResponseBodyCopy.FlushThreshold + client.LargestAdvance - 1);

        var received = ReadAllAsync(pipe.Reader);
        await copy.WaitAsync(TimeSpan.FromSeconds(30));
        await client.FlushAsync();
        await pipe.Writer.CompleteAsync();
        Assert.Equal(body, await received.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(5).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        var all = new MemoryStream();
        while (true)
        {
            var read = await reader.ReadAsync();
            foreach (var segment in read.Buffer) all.Write(segment.Span);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted) return all.ToArray();
        }
    }

    /// <summary>A client pipe that counts flushes and the bytes written since the last one.</summary>
    private sealed class RecordingPipeWriter(PipeWriter inner) : PipeWriter
    {
        private readonly TaskCompletionSource _firstWaitingFlush = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _unflushed;

        public int Flushes { get; private set; }
        public int LargestUnflushed { get; private set; }
        public int LargestAdvance { get; private set; }

        /// <summary>Completes when a flush does not complete at once (the client holds the copy back).</summary>
        public Task FirstWaitingFlush => _firstWaitingFlush.Task;

        public override void Advance(int bytes)
        {
            inner.Advance(bytes);
            _unflushed += bytes;
            LargestAdvance = Math.Max(LargestAdvance, bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Flushes++;
            LargestUnflushed = Math.Max(LargestUnflushed, _unflushed);
            _unflushed = 0;
            var flush = inner.FlushAsync(cancellationToken);
            if (!flush.IsCompleted) _firstWaitingFlush.TrySetResult();
            return flush;
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
        public override void CancelPendingFlush() => inner.CancelPendingFlush();
        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }
}
