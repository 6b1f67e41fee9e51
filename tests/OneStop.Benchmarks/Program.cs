using BenchmarkDotNet.Running;
using OneStop.Benchmarks.Directory;
using OneStop.Benchmarks.Servers;

// One exe, several jobs. `raw-kestrel --port N` serves the hand-written EmptyCall endpoint that run-h2load.sh uses
// as the throughput ceiling; `grpc-minimal --port N` serves EmptyCall on bare grpc-dotnet (`AddGrpc()`, nothing else);
// `interop-bare --port N` and `interop-defaults` (port from OneStop__Port) serve the interop TestServiceImpl on bare
// grpc-dotnet and with ServiceDefaults, for run-hosting-h2load.sh; `redis-latency [lookups]` and
// `search-latency [rounds]` print directory latency percentiles (docs/benchmarks.md, Directory); `referrals-latency
// [referrals]` prints the referrals service's figures (docs/benchmarks.md, Referrals);
// `skills-latency [profiles]` prints FindCandidates and consent-checked profile-read latencies (docs/benchmarks.md,
// Skills); anything else goes to BenchmarkDotNet
// (e.g. `--filter '*'`).
switch (args.FirstOrDefault())
{
    case "raw-kestrel":
        await RawKestrelServer.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "grpc-minimal":
        await MinimalGrpcServer.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "interop-bare":
        await InteropBareServer.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "interop-defaults":
        await InteropDefaultsServer.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "redis-latency":
        await RedisLatencyCommand.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "referrals-latency":
        await OneStop.Benchmarks.Referrals.ReferralsLatencyCommand.RunAsync(args[1..]).ConfigureAwait(false);
        return;
    case "search-latency":
        SearchLatencyCommand.Run(args[1..]);
        return;
    case "skills-latency":
        await OneStop.Benchmarks.Skills.SkillsLatencyCommand.RunAsync(args[1..]).ConfigureAwait(false);
        return;
}
BenchmarkSwitcher.FromAssembly(typeof(OneStop.Benchmarks.QuickJobConfig).Assembly).Run(args);
