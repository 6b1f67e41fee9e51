using System.Buffers;
using BenchmarkDotNet.Attributes;
using OneStop.Grpc.Protocol;

namespace OneStop.Benchmarks.Framing;

/// <summary>The 5-byte Length-Prefixed-Message header: written once and read once per message.</summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class FrameHeaderBenchmarks
{
    private const int PayloadLength = 64;
    private readonly byte[] _header = new byte[GrpcProtocol.MessageHeaderSize];
    private ReadOnlySequence<byte> _singleSegment;
    private ReadOnlySequence<byte> _headerSplit;

    [GlobalSetup]
    public void Setup()
    {
        var frame = new byte[GrpcProtocol.MessageHeaderSize + PayloadLength];
        MessageFrame.WriteHeader(frame, compressed: false, PayloadLength);
        _singleSegment = new ReadOnlySequence<byte>(frame);
        // Split inside the header: the slow path that has to copy the header out before decoding it.
        _headerSplit = SplitSequence.Create(frame, splitAt: 3);
    }

    [Benchmark]
    public void WriteHeader() => MessageFrame.WriteHeader(_header, compressed: false, PayloadLength);

    [Benchmark]
    public long TryRead_SingleSegment() => Read(_singleSegment);

    [Benchmark]
    public long TryRead_HeaderSplitAcrossSegments() => Read(_headerSplit);

    private static long Read(ReadOnlySequence<byte> buffer)
    {
        if (!MessageFrame.TryRead(ref buffer, GrpcProtocol.DefaultMaxMessageSize, out _, out var payload))
        {
            throw new InvalidOperationException("The frame did not parse.");
        }
        return payload.Length;
    }
}
