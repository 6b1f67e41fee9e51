using Grpc.Core;
using OneStop.ServiceDefaults.Identity;
using OneStop.ServiceDefaults.Tests.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>JWT bearer validation as a service sees it, through a real Kestrel host built by AddServiceDefaults.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private DefaultsHost _host = null!;

    public async Task InitializeAsync() => _host = await DefaultsHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Token(TimeSpan? lifetime = null, string? issuer = null, string? audience = null, byte[]? key = null) =>
        DevelopmentTokens.Create("user-1", "org-ab", "05314", [OneStopRoles.Frontdesk, OneStopRoles.Counsellor],
            lifetime, issuer, audience, key);

    [Fact]
    public async Task Valid_token_makes_the_caller_visible_with_unmapped_claims()
    {
        Assert.Equal("user-1|org-ab|05314|counsellor,frontdesk", await _host.WhoAmIAsync(Token()));
    }

    [Fact]
    public async Task Single_role_arrives_as_one_role_claim()
    {
        var token = DevelopmentTokens.Create("sys", "org-x", "05314", [OneStopRoles.AgencySystem]);
        Assert.Equal("sys|org-x|05314|agency-system", await _host.WhoAmIAsync(token));
    }

    [Fact]
    public async Task No_token_means_no_identity()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.WhoAmIAsync(null));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    public static TheoryData<string> RejectedTokens() => new()
    {
        "bad signature",
        "expired",
        "wrong audience",
        "wrong issuer",
        "garbage",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Invalid_token_leaves_the_caller_anonymous(string kind)
    {
        var token = kind switch
        {
            "bad signature" => Token(key: new byte[64]),
            // Well past the 30 s clock skew.
            "expired" => Token(lifetime: TimeSpan.FromMinutes(-2)),
            "wrong audience" => Token(audience: "someone-else"),
            "wrong issuer" => Token(issuer: "https://evil.example/"),
            _ => "not.a.jwt",
        };
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.WhoAmIAsync(token));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_still_accepted()
    {
        Assert.StartsWith("user-1|", await _host.WhoAmIAsync(Token(lifetime: TimeSpan.FromSeconds(-5))));
    }
}
