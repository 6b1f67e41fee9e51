using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// `raw-kestrel --port N`: the throughput ceiling. Only RawEmptyCall, mapped with MapPost like grpc-dotnet maps its
/// methods, so endpoint routing is part of both sides and the comparison isolates the gRPC layer.
/// </summary>
internal static class RawKestrelServer
{
    public static Task RunAsync(string[] args) => BenchmarkHost.RunAsync(args,
        builder => builder.Services.AddRouting(),
        app => app.MapPost(RawEmptyCall.Path, RawEmptyCall.HandleAsync));
}
