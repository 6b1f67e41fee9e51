using Grpc.Net.Client;

namespace OneStop.Interop.Tests.Interop;

/// <summary>Our C# client runs each interop case against our InteropServer.</summary>
public sealed class OurClientAgainstOurServer(InteropServerFixture server) : IClassFixture<InteropServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCaseNames.Data), MemberType = typeof(InteropCaseNames))]
    public async Task Case_passes(string testCase)
    {
        // A fresh channel per case, so one case's cancellations cannot affect the next.
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions());
        await new InteropClientCases(channel).RunAsync(testCase).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
