using System.Globalization;
using Microsoft.AspNetCore.Http;
using OneStop.Benchmarks.AllocationProbe;
using OneStop.Benchmarks.Servers;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// `alloc-profile [calls]`: the ServerUnaryCall handlers on the same fake exchange, each run many times with the
/// allocation sampler on, printing bytes per call and which types they are. The tool for finding what to cut when
/// ServerUnaryCallBenchmarks shows too many bytes; not a benchmark (no timing).
/// </summary>
internal static class AllocationProfileCommand
{
    public static async Task RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        await using var interop = GrpcEndpointApp.InteropServer(RawEmptyCall.Path);
        await using var minimal = GrpcEndpointApp.ForService<MinimalTestService>(RawEmptyCall.Path);
        using var sampler = new AllocationSampler();

        await ProfileAsync("raw handler", new FakeHttp2Exchange(RawEmptyCall.Path, interop.ScopeFactory), RawEmptyCall.HandleAsync, calls, sampler).ConfigureAwait(false);
        await ProfileAsync("OneStop.Grpc + MinimalTestService", new FakeHttp2Exchange(RawEmptyCall.Path, minimal.ScopeFactory), minimal.Handler, calls, sampler).ConfigureAwait(false);
        await ProfileAsync("OneStop.Grpc + InteropServer TestServiceImpl", new FakeHttp2Exchange(RawEmptyCall.Path, interop.ScopeFactory), interop.Handler, calls, sampler).ConfigureAwait(false);
    }

    private static async Task ProfileAsync(string name, FakeHttp2Exchange exchange, RequestDelegate handler, int calls, AllocationSampler sampler)
    {
        await exchange.VerifyEmptyCallAsync(handler, name).ConfigureAwait(false);
        for (var i = 0; i < 10_000; i++) await CallAsync(exchange, handler).ConfigureAwait(false);
        sampler.TakeReport();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++) await CallAsync(exchange, handler).ConfigureAwait(false);
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: {perCall:F0} B per call"));
        Console.WriteLine(sampler.TakeReport());
    }

    private static async Task CallAsync(FakeHttp2Exchange exchange, RequestDelegate handler)
    {
        exchange.Begin();
        await handler(exchange.Context).ConfigureAwait(false);
        await exchange.EndAsync().ConfigureAwait(false);
    }
}
