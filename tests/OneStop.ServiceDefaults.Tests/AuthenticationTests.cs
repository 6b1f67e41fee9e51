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

    /// <summary>Each failed check with the description a caller gets (RFC 6750 error_description).</summary>
    public static TheoryData<string, string> RejectedTokens() => new()
    {
        { "bad signature", "The token's signature is invalid" },
        { "expired", "The token expired" },
        { "wrong audience", "The token is meant for another audience" },
        { "wrong issuer", "The token's issuer is not trusted" },
        { "garbage", "The token is malformed" },
    };

    private static string Rejected(string kind) => kind switch
    {
        "bad signature" => Token(key: new byte[64]),
        // Well past the 30 s clock skew.
        "expired" => Token(lifetime: TimeSpan.FromMinutes(-2)),
        "wrong audience" => Token(audience: "someone-else"),
        "wrong issuer" => Token(issuer: "https://evil.example/"),
        _ => "not.a.jwt",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Invalid_token_is_unauthenticated_and_says_which_check_failed(string kind, string description)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.WhoAmIAsync(Rejected(kind)));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(description + ".", e.Status.Detail);
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{description}\"", e.Trailers.GetValue("www-authenticate"));
        Assert.DoesNotContain(DevelopmentTokens.SigningKeyBase64, e.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Invalid_token_is_unauthenticated_even_where_anonymous_callers_are_admitted(string kind, string description)
    {
        Assert.Equal("hello anonymous", await _host.HelloAsync(null));
        Assert.Equal("hello user-1", await _host.HelloAsync("Bearer " + Token()));

        var e = await Assert.ThrowsAsync<RpcException>(() => _host.HelloAsync("Bearer " + Rejected(kind)));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(description + ".", e.Status.Detail);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "Only bearer tokens are accepted")]
    [InlineData("Bearer", "The bearer token is empty")]
    public async Task An_Authorization_header_without_a_bearer_token_is_an_invalid_request(string authorization, string description)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.HelloAsync(authorization));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal($"Bearer error=\"invalid_request\", error_description=\"{description}\"", e.Trailers.GetValue("www-authenticate"));
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_still_accepted()
    {
        Assert.StartsWith("user-1|", await _host.WhoAmIAsync(Token(lifetime: TimeSpan.FromSeconds(-5))));
    }
}
