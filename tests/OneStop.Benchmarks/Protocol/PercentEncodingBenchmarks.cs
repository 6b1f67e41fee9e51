using BenchmarkDotNet.Attributes;
using OneStop.Grpc.Protocol;

namespace OneStop.Benchmarks.Protocol;

/// <summary>
/// grpc-message percent-encoding of a status detail, sent with every non-OK status. Plain ASCII is the common case
/// (no copy expected); German text with umlauts is the case OneStop's own error messages produce.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class PercentEncodingBenchmarks
{
    private const string Ascii = "appointment slot 2024-05-14T09:00 is already held by another agency";
    private const string NonAscii = "Termin am 14.05. um 9:00 Uhr ist bereits vergeben (Agentur für Arbeit, Jobcenter Kreis Lörrach) – 100% belegt";
    private static readonly string NonAsciiEncoded = PercentEncoding.Encode(NonAscii);

    [Benchmark]
    public string Encode_Ascii() => PercentEncoding.Encode(Ascii);

    [Benchmark]
    public string Encode_NonAscii() => PercentEncoding.Encode(NonAscii);

    [Benchmark]
    public string Decode_NonAscii() => PercentEncoding.Decode(NonAsciiEncoded);
}
