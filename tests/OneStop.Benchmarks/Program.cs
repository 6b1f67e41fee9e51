using BenchmarkDotNet.Running;
using OneStop.Benchmarks.Directory;
using OneStop.Benchmarks.Servers;

// One exe, several jobs. `raw-kestrel --port N` serves the hand-written EmptyCall endpoint that run-h2load.sh uses
// as the throughput ceiling; `grpc-minimal --port N` serves EmptyCall on bare grpc-dotnet (`AddGrpc()`, nothing else);
// `redis-latency [lookups]` and
// `search-latency [rounds]` print directory latency percentiles (docs/benchmarks.md, Directory); anything else goes to BenchmarkDotNet
// (e.g. `--filter '*'`).
switch (args.FirstOrDefault())
{
    case "raw-kestrel":
        await RawKestrelServer.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "grpc-minimal":
        await MinimalGrpcServer.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "redis-latency":
        await RedisLatencyCommand.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "search-latency":
        SearchLatencyCommand.Run(args[1..]);
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(OneStop.Benchmarks.QuickJobConfig).Assembly).Run(args);
