using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Grpc.InteropServer;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// `interop-bare --port N`: the interop TestServiceImpl on bare grpc-dotnet (<c>AddGrpc()</c> and
/// <c>MapGrpcService</c>, nothing else). The baseline of run-hosting-h2load.sh: InteropDefaultsServer serves the same
/// service class, so the two differ only in the hosting around it.
/// </summary>
internal static class InteropBareServer
{
    public static Task RunAsync(string[] args) => BenchmarkHost.RunAsync(args,
        builder => builder.Services.AddGrpc(),
        app => app.MapGrpcService<TestServiceImpl>());
}
