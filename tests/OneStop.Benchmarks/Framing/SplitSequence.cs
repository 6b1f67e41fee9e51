using System.Buffers;

namespace OneStop.Benchmarks.Framing;

/// <summary>
/// A byte sequence in two segments, split at a chosen offset: what a pipe hands the reader when a frame straddles
/// two network reads. Lets the benchmarks take the multi-segment path, not only the fast single-array one.
/// </summary>
internal static class SplitSequence
{
    public static ReadOnlySequence<byte> Create(byte[] bytes, int splitAt)
    {
        var first = new Segment(bytes.AsMemory(0, splitAt), 0);
        var last = first.Append(bytes.AsMemory(splitAt));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
