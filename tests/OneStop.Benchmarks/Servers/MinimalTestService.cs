using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// EmptyCall and nothing else, answered with a shared message: what remains per call is grpc-dotnet's own cost,
/// without the interop rules (metadata echo) that TestServiceImpl runs on every call.
/// </summary>
public sealed class MinimalTestService : TestService.TestServiceBase
{
    private static readonly Task<Empty> Response = Task.FromResult(new Empty());

    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Response;
}
