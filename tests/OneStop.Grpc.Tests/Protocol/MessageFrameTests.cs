using System.Buffers;
using Grpc.Core;
using Grpc.Net.Compression;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Tests.Protocol;

public class MessageFrameTests
{
    [Fact]
    public void Header_is_flag_then_big_endian_length()
    {
        var header = new byte[5];
        MessageFrame.WriteHeader(header, compressed: true, 0x01020304);
        Assert.Equal(new byte[] { 1, 1, 2, 3, 4 }, header);
    }

    [Fact]
    public void Reads_one_frame_and_leaves_the_rest()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 2, 0xAA, 0xBB, 0, 0, 0 });
        Assert.True(MessageFrame.TryRead(ref buffer, 100, out var compressed, out var payload));
        Assert.False(compressed);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, payload.ToArray());
        Assert.Equal(3, buffer.Length);
    }

    [Fact]
    public void Reads_a_frame_split_across_segments()
    {
        var buffer = Segments(new byte[] { 1, 0 }, new byte[] { 0, 0, 3, 7 }, new byte[] { 8, 9 });
        Assert.True(MessageFrame.TryRead(ref buffer, 100, out var compressed, out var payload));
        Assert.True(compressed);
        Assert.Equal(new byte[] { 7, 8, 9 }, payload.ToArray());
        Assert.Equal(0, buffer.Length);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 4, 1, 2, 3 })]
    public void Needs_more_bytes_for_an_incomplete_frame(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.False(MessageFrame.TryRead(ref buffer, 100, out _, out _));
        Assert.Equal(bytes.Length, buffer.Length);
    }

    [Fact]
    public void An_unknown_flag_is_INTERNAL()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        var ex = Assert.Throws<RpcException>(() => MessageFrame.TryRead(ref buffer, 100, out _, out _));
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public void A_length_over_the_limit_is_RESOURCE_EXHAUSTED_before_the_payload_arrives()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0xA0, 0, 0 }); // 10 MiB announced, nothing sent
        var ex = Assert.Throws<RpcException>(() => MessageFrame.TryRead(ref buffer, 4 * 1024 * 1024, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public void Serialization_context_writes_directly_when_the_length_is_announced()
    {
        var output = new ArrayBufferWriter<byte>();
        var context = new FrameSerializationContext(100);
        context.WriteMessage(output, new byte[] { 5, 6, 7 }, static (value, ctx) =>
        {
            ctx.SetPayloadLength(value.Length);
            var writer = ctx.GetBufferWriter();
            writer.Write(value);
            ctx.Complete();
        }, compression: null);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 3, 5, 6, 7 }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Serialization_context_compresses_and_sets_the_flag()
    {
        var output = new ArrayBufferWriter<byte>();
        var payload = new byte[1000];
        new FrameSerializationContext(10_000).WriteMessage(output, payload, static (value, ctx) => ctx.Complete(value), new GzipCompressionProvider());
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.True(MessageFrame.TryRead(ref buffer, 10_000, out var compressed, out var compressedPayload));
        Assert.True(compressed);
        Assert.True(compressedPayload.Length < payload.Length);
        var roundTrip = MessageCompression.Decompress(new GzipCompressionProvider(), compressedPayload, 10_000);
        Assert.Equal(payload, roundTrip.ToArray());
    }

    [Fact]
    public void Sending_over_the_limit_is_RESOURCE_EXHAUSTED_and_writes_nothing()
    {
        var output = new ArrayBufferWriter<byte>();
        var ex = Assert.Throws<RpcException>(() => new FrameSerializationContext(10).WriteMessage(output, new byte[11], static (value, ctx) => ctx.Complete(value), null));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void A_decompression_bomb_is_stopped_at_the_limit()
    {
        var compressed = MessageCompression.Compress(new GzipCompressionProvider(), new byte[1_000_000], null);
        var ex = Assert.Throws<RpcException>(() => MessageCompression.Decompress(new GzipCompressionProvider(), new ReadOnlySequence<byte>(compressed), 64 * 1024));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public void Corrupt_compressed_data_is_INTERNAL()
    {
        var ex = Assert.Throws<RpcException>(() => MessageCompression.Decompress(new GzipCompressionProvider(), new ReadOnlySequence<byte>(new byte[] { 1, 2, 3, 4, 5, 6 }), 1000));
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        Segment? first = null, last = null;
        foreach (var part in parts)
        {
            var segment = new Segment(part, last?.RunningIndex + last?.Memory.Length ?? 0);
            if (last is null) first = segment; else last.SetNext(segment);
            last = segment;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
