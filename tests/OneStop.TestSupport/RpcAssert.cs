using Grpc.Core;
using Xunit;

namespace OneStop.TestSupport;

public static class RpcAssert
{
    /// <summary>The call fails with exactly <paramref name="expected"/>; the message names what came instead.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == ex.StatusCode, $"Expected {expected}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>INVALID_ARGUMENT whose message names <paramref name="field"/>.</summary>
    public static async Task InvalidAsync(string field, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
    }
}
