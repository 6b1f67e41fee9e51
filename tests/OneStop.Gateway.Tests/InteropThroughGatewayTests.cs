using System.Globalization;
using OneStop.Gateway.Tests.Support;
using OneStop.Grpc.InteropServer;
using OneStop.Interop.Tests.Interop;

namespace OneStop.Gateway.Tests;

/// <summary>The interop server behind the gateway: one route for every grpc.testing service.</summary>
public sealed class InteropGatewayFixture : IAsyncLifetime
{
    private InteropServerHost? _backend;

    public GatewayTestHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _backend = await InteropServerHost.StartAsync(0);
        Gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", new Uri($"http://127.0.0.1:{_backend.Port}")));
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        if (_backend is not null) await _backend.DisposeAsync();
    }
}

/// <summary>Forwarding conformance: grpc/grpc's interop cases pass through the gateway, for two independent clients.</summary>
public sealed class InteropThroughGatewayTests(InteropGatewayFixture fixture) : IClassFixture<InteropGatewayFixture>
{
    [Theory]
    [MemberData(nameof(InteropCaseNames.Data), MemberType = typeof(InteropCaseNames))]
    public async Task Our_client_passes_through_the_gateway(string testCase)
    {
        await new InteropClientCases(fixture.Gateway.CallInvoker()).RunAsync(testCase).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Theory]
    [MemberData(nameof(InteropCaseNames.Data), MemberType = typeof(InteropCaseNames))]
    public async Task Grpc_js_client_passes_through_the_gateway(string testCase)
    {
        RepoPaths.EnsureInteropPeerInstalled();
        var (exitCode, output) = await NodeProcess.RunAsync(TimeSpan.FromSeconds(60), "client.js",
            "--server_host", "127.0.0.1", "--server_port", fixture.Gateway.GrpcAddress.Port.ToString(CultureInfo.InvariantCulture), "--test_case", testCase);

        Assert.True(exitCode == 0 && output.Contains($"PASS {testCase}", StringComparison.Ordinal),
            $"grpc-js client through the gateway, case {testCase}, exit code {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "none (timed out)"}:\n{output}");
    }
}
