using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace OneStop.Benchmarks;

/// <summary>
/// One short job for every benchmark class, so the whole BenchmarkDotNet run stays within a few minutes on a 2-core
/// machine. Enough for allocation counts (which are exact) and for rough timings; not for fine timing comparisons.
/// In process: BenchmarkDotNet's usual rebuild of this project into a generated folder breaks Grpc.Tools code
/// generation in the referenced InteropServer (it overrides the intermediate output path), and it would cost a
/// minute of build besides. Allocation counting works the same in process.
/// </summary>
public sealed class QuickJobConfig : ManualConfig
{
    public QuickJobConfig()
    {
        AddJob(Job.Default
            .WithId("Quick")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
