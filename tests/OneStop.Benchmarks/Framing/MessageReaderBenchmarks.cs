using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Grpc.Protocol;

namespace OneStop.Benchmarks.Framing;

/// <summary>
/// One frame read and deserialized through MessageReader from a Pipe, as the server reads a request body.
/// The frame is already in the pipe when the read starts (as it usually is for a small unary request), so this is
/// the synchronous path; the allocations left are the message objects protobuf itself creates.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class MessageReaderBenchmarks
{
    // Inline schedulers: no thread hops, so the numbers are the reader's own work.
    private readonly Pipe _pipe = new(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
    private readonly Func<DeserializationContext, SimpleRequest> _deserializeRequest = TestServiceMethods.UnaryCall.RequestMarshaller.ContextualDeserializer;
    private readonly Func<DeserializationContext, Empty> _deserializeEmpty = TestServiceMethods.EmptyCall.RequestMarshaller.ContextualDeserializer;
    private MessageReader _reader = null!;
    private byte[] _requestFrame = null!;
    private byte[] _emptyFrame = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reader = new MessageReader(_pipe.Reader, GrpcProtocol.DefaultMaxMessageSize, decompressor: null);
        var context = new FrameSerializationContext(GrpcProtocol.DefaultMaxMessageSize);
        var output = new ArrayBufferWriter<byte>();
        context.WriteMessage(output, SampleMessages.Request(), TestServiceMethods.UnaryCall.RequestMarshaller.ContextualSerializer, compression: null);
        _requestFrame = output.WrittenSpan.ToArray();
        _emptyFrame = new byte[GrpcProtocol.MessageHeaderSize];
    }

    [Benchmark]
    public async ValueTask<Empty> ReadFrame_Empty()
    {
        await _pipe.Writer.WriteAsync(_emptyFrame).ConfigureAwait(false);
        var (_, message) = await _reader.ReadAsync(_deserializeEmpty, CancellationToken.None).ConfigureAwait(false);
        return message;
    }

    [Benchmark]
    public async ValueTask<SimpleRequest> ReadFrame_SimpleRequest()
    {
        await _pipe.Writer.WriteAsync(_requestFrame).ConfigureAwait(false);
        var (_, message) = await _reader.ReadAsync(_deserializeRequest, CancellationToken.None).ConfigureAwait(false);
        return message;
    }
}
