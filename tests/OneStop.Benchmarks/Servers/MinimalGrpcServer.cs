using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Benchmarks.ServerCall;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// `grpc-minimal --port N`: OneStop.Grpc serving MinimalTestService (EmptyCall answered with a shared message). Sits
/// between raw-kestrel and the InteropServer: the runtime's own cost, without the interop rules' per-call work.
/// </summary>
internal static class MinimalGrpcServer
{
    public static Task RunAsync(string[] args) => BenchmarkHost.RunAsync(args,
        builder => builder.Services.AddGrpc(),
        app => app.MapGrpcService<MinimalTestService>());
}
