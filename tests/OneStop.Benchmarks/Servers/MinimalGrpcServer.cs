using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// `grpc-minimal --port N`: bare grpc-dotnet (<c>AddGrpc()</c> and nothing else) serving MinimalTestService (EmptyCall
/// answered with a shared message): the baseline that OneStop's hosting (ServiceDefaults) is measured against.
/// </summary>
internal static class MinimalGrpcServer
{
    public static Task RunAsync(string[] args) => BenchmarkHost.RunAsync(args,
        builder => builder.Services.AddGrpc(),
        app => app.MapGrpcService<MinimalTestService>());
}
