using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// EmptyCall and nothing else, answered with a shared message: what remains per call is OneStop.Grpc's own cost,
/// without the interop rules (metadata echo) that TestServiceImpl runs on every call.
/// </summary>
public sealed class MinimalTestService : TestService.TestServiceBase
{
    private static readonly Task<Empty> Response = Task.FromResult(new Empty());

    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Response;
}
