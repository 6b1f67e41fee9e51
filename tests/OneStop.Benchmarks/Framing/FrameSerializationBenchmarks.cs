using System.Buffers;
using BenchmarkDotNet.Attributes;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Grpc.Protocol;

namespace OneStop.Benchmarks.Framing;

/// <summary>
/// One message serialized as a frame through FrameSerializationContext, with the generated marshaller, into a
/// reused buffer writer: the path every response (server) and request (client) takes. The context is reused as a
/// call reuses it for each of its messages; its own per-call allocation shows up in ServerUnaryCallBenchmarks.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class FrameSerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private readonly FrameSerializationContext _context = new(GrpcProtocol.DefaultMaxMessageSize);
    private readonly Action<SimpleRequest, SerializationContext> _serializeRequest = TestServiceMethods.UnaryCall.RequestMarshaller.ContextualSerializer;
    private readonly Action<SimpleResponse, SerializationContext> _serializeResponse = TestServiceMethods.UnaryCall.ResponseMarshaller.ContextualSerializer;
    private readonly Action<Empty, SerializationContext> _serializeEmpty = TestServiceMethods.EmptyCall.ResponseMarshaller.ContextualSerializer;
    private readonly SimpleRequest _request = SampleMessages.Request();
    private readonly SimpleResponse _response = SampleMessages.Response();
    private readonly Empty _empty = new();

    [GlobalSetup]
    public void Setup()
    {
        // A benchmark of wrong output would measure nothing: each frame must read back as the message written.
        Check(WriteFrame_Empty, _empty, TestServiceMethods.EmptyCall.ResponseMarshaller.ContextualDeserializer);
        Check(WriteFrame_SimpleRequest, _request, TestServiceMethods.UnaryCall.RequestMarshaller.ContextualDeserializer);
        Check(WriteFrame_SimpleResponse, _response, TestServiceMethods.UnaryCall.ResponseMarshaller.ContextualDeserializer);
    }

    [Benchmark]
    public int WriteFrame_Empty()
    {
        _output.ResetWrittenCount();
        _context.WriteMessage(_output, _empty, _serializeEmpty, compression: null);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteFrame_SimpleRequest()
    {
        _output.ResetWrittenCount();
        _context.WriteMessage(_output, _request, _serializeRequest, compression: null);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteFrame_SimpleResponse()
    {
        _output.ResetWrittenCount();
        _context.WriteMessage(_output, _response, _serializeResponse, compression: null);
        return _output.WrittenCount;
    }

    private void Check<T>(Func<int> write, T expected, Func<DeserializationContext, T> deserialize)
    {
        var length = write();
        var buffer = new ReadOnlySequence<byte>(_output.WrittenMemory);
        if (!MessageFrame.TryRead(ref buffer, GrpcProtocol.DefaultMaxMessageSize, out var compressed, out var payload)
            || compressed || !buffer.IsEmpty || length != _output.WrittenCount)
        {
            throw new InvalidOperationException($"{typeof(T).Name} was not written as exactly one uncompressed frame.");
        }
        var context = new PayloadDeserializationContext();
        context.SetPayload(payload);
        if (!Equals(deserialize(context), expected)) throw new InvalidOperationException($"{typeof(T).Name} did not read back as written.");
    }
}
