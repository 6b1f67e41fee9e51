using System.Globalization;

namespace OneStop.Interop.Tests.Interop;

/// <summary>The independent grpc-js client runs each interop case against our InteropServer.</summary>
public sealed class GrpcJsClientAgainstOurServer(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(InteropCaseNames.Data), MemberType = typeof(InteropCaseNames))]
    public async Task Case_passes(string testCase)
    {
        var (exitCode, output) = await NodeProcess.RunAsync(CaseTimeout, "client.js",
            "--server_host", "127.0.0.1", "--server_port", server.Port.ToString(CultureInfo.InvariantCulture), "--test_case", testCase);

        Assert.True(exitCode == 0 && output.Contains($"PASS {testCase}", StringComparison.Ordinal),
            $"grpc-js client, case {testCase}, exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "none (timed out)"}:\n{output}");
    }
}
