using Grpc.Net.Client;

namespace OneStop.Interop.Tests.Interop;

/// <summary>Our C# client runs each interop case against the independent grpc-js server.</summary>
public sealed class OurClientAgainstGrpcJsServer(GrpcJsServerFixture server) : IClassFixture<GrpcJsServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCaseNames.Data), MemberType = typeof(InteropCaseNames))]
    public async Task Case_passes(string testCase)
    {
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions());
        await new InteropClientCases(channel).RunAsync(testCase).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
