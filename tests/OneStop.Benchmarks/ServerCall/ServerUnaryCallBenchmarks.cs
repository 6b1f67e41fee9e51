using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using OneStop.Benchmarks.Servers;
using OneStop.Grpc.InteropServer;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// Bytes allocated per unary EmptyCall through the real server handler pipeline, with no network: the mapped
/// endpoint's request delegate on a reused fake HTTP/2 exchange (request body pipe with one empty frame, response
/// body pipe, trailers). The baseline is the raw handler writing the same bytes by hand on the same fake exchange,
/// so the difference is what the gRPC layer costs. Kestrel's own per-request cost is not in these figures; the h2load
/// run's process-level figures (run-h2load.sh) include it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class ServerUnaryCallBenchmarks
{
    private GrpcEndpointApp _interop = null!;
    private GrpcEndpointApp _minimal = null!;
    private FakeHttp2Exchange _interopExchange = null!;
    private FakeHttp2Exchange _minimalExchange = null!;
    private RequestDelegate _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _interop = GrpcEndpointApp.InteropServer(RawEmptyCall.Path);
        _minimal = GrpcEndpointApp.ForService<MinimalTestService>(RawEmptyCall.Path);
        _interopExchange = new FakeHttp2Exchange(RawEmptyCall.Path, _interop.ScopeFactory);
        _minimalExchange = new FakeHttp2Exchange(RawEmptyCall.Path, _minimal.ScopeFactory);
        _raw = RawEmptyCall.HandleAsync;

        // Measuring a handler that answers wrongly would be meaningless: each must produce the same response.
        _interopExchange.VerifyEmptyCallAsync(_raw, "the raw handler").GetAwaiter().GetResult();
        _interopExchange.VerifyEmptyCallAsync(_interop.Handler, "the InteropServer's EmptyCall").GetAwaiter().GetResult();
        _minimalExchange.VerifyEmptyCallAsync(_minimal.Handler, "MinimalTestService's EmptyCall").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _interop.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _minimal.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "Raw handler (same bytes by hand)")]
    public Task RawHandler() => RunAsync(_interopExchange, _raw);

    [Benchmark(Description = "OneStop.Grpc, EmptyCall only (MinimalTestService)")]
    public Task OneStopGrpc_MinimalService() => RunAsync(_minimalExchange, _minimal.Handler);

    [Benchmark(Description = "OneStop.Grpc, InteropServer TestServiceImpl")]
    public Task OneStopGrpc_InteropServer() => RunAsync(_interopExchange, _interop.Handler);

    private static async Task RunAsync(FakeHttp2Exchange exchange, RequestDelegate handler)
    {
        exchange.Begin();
        await handler(exchange.Context).ConfigureAwait(false);
        await exchange.EndAsync().ConfigureAwait(false);
    }
}
