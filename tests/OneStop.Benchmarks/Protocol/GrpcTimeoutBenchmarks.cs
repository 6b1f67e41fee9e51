using BenchmarkDotNet.Attributes;
using OneStop.Grpc.Protocol;

namespace OneStop.Benchmarks.Protocol;

/// <summary>grpc-timeout: parsed on every server call that has a deadline, formatted on every client call with one.</summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class GrpcTimeoutBenchmarks
{
    // What clients typically send: a few seconds, expressed in the finest unit that fits 8 digits.
    private const string Header = "4999968u";
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(4999.968);

    [Benchmark]
    public TimeSpan Parse() => GrpcTimeout.TryParse(Header, out var timeout) ? timeout : throw new InvalidOperationException();

    [Benchmark]
    public string Format() => GrpcTimeout.Format(Timeout);
}
