using Grpc.Core;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

/// <summary>
/// The directory's reads admit anonymous callers, but a token that is sent and fails validation is refused on the
/// service's own port too: a caller that meant to be someone must not be served as no one.
/// </summary>
public sealed class PresentedTokenTests : IAsyncLifetime
{
    private DirectoryTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await DirectoryTestHost.StartAsync();
        await _host.ClientFor(KreisAdmin).UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> InvalidTokens() => new()
    {
        { "forged (wrong signature)", Token(key: new byte[64]) },
        // Well past the 30 s clock skew.
        { "expired", Token(lifetime: TimeSpan.FromMinutes(-5)) },
        { "wrong audience", Token(audience: "another-api") },
        { "wrong issuer", Token(issuer: "https://evil.example/") },
    };

    private static readonly string[] Reads = ["GetOrganization", "SearchServices", "ExportHsds", "ListRegions", "GetService"];

    public static TheoryData<string> AnonymousReads() => new(Reads);

    [Theory]
    [MemberData(nameof(AnonymousReads))]
    public async Task Anonymous_reads_answer_without_a_token_and_with_a_valid_one(string read)
    {
        await ReadAsync(_host.Client(), read);
        await ReadAsync(_host.Client(Token()), read);
    }

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task Every_anonymous_read_refuses_an_invalid_token(string why, string token)
    {
        foreach (var read in Reads)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(_host.Client(token), read));
            Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{read} with a token {why}: {error.StatusCode} ({error.Status.Detail})");
        }
    }

    private static async Task ReadAsync(DirectoryService.DirectoryServiceClient client, string read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        switch (read)
        {
            case "GetOrganization": await client.GetOrganizationAsync(new GetOrganizationRequest { Id = "org-a" }, deadline: deadline); break;
            case "SearchServices": await client.SearchServicesAsync(new SearchServicesRequest(), deadline: deadline); break;
            case "ExportHsds": await client.ExportHsdsAsync(new ExportHsdsRequest(), deadline: deadline); break;
            case "ListRegions": await client.ListRegionsAsync(new ListRegionsRequest(), deadline: deadline); break;
            // Unknown id: NOT_FOUND is an answer from the service, which a refused token never gets.
            case "GetService":
                var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetServiceAsync(new GetServiceRequest { Id = "svc-none" }, deadline: deadline).ResponseAsync);
                if (missing.StatusCode != StatusCode.NotFound) throw missing;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(read), read, null);
        }
    }

    private static string Token(TimeSpan? lifetime = null, string? issuer = null, string? audience = null, byte[]? key = null) =>
        DevelopmentTokens.Create("reader-1", "org-a", Kreis, [OneStopRoles.Frontdesk], lifetime, issuer, audience, key);
}
