using Grpc.Core;
using Grpc.Testing;
using OneStop.Gateway.Tests.Support;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Tests;

/// <summary>Edge security on a route that admits agency systems and the front desk only.</summary>
public sealed class EdgeAuthTests : IAsyncLifetime
{
    private RawBackend _backend = null!;
    private GatewayTestHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _backend = await RawBackend.StartAsync();
        _gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("agency-system,frontdesk,appointments.book", _backend.Address));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
    }

    public static TheoryData<string, string?, StatusCode> Refused => new()
    {
        { "no token", null, StatusCode.Unauthenticated },
        { "not a JWT", "garbage", StatusCode.Unauthenticated },
        { "bad signature", Token(key: new byte[64]), StatusCode.Unauthenticated },
        { "expired", Token(lifetime: TimeSpan.FromMinutes(-5)), StatusCode.Unauthenticated },
        { "wrong audience", Token(audience: "someone-else"), StatusCode.Unauthenticated },
        { "wrong issuer", Token(issuer: "https://evil.example"), StatusCode.Unauthenticated },
        { "wrong role", Token(roles: [OneStopRoles.Employer]), StatusCode.PermissionDenied },
        { "no role at all", Token(roles: []), StatusCode.PermissionDenied },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_callers_get_a_gRPC_status_and_never_reach_the_backend(string why, string? token, StatusCode expected)
    {
        var client = new TestService.TestServiceClient(_gateway.CallInvoker(token));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);

        Assert.True(expected == error.StatusCode, $"{why}: expected {expected}, got {error.StatusCode} ({error.Status.Detail})");
        Assert.Equal(0, _backend.Calls);
    }

    /// <summary>RFC 6750 §3: the challenge and the status message say which check failed, never more.</summary>
    public static TheoryData<string, string?, string, string> Challenges => new()
    {
        { "no token", null, "Bearer", "This call needs a bearer token." },
        { "not a JWT", "garbage", Invalid("The token is malformed"), "The token is malformed." },
        { "bad signature", Token(key: new byte[64]), Invalid("The token's signature is invalid"), "The token's signature is invalid." },
        { "expired", Token(lifetime: TimeSpan.FromMinutes(-5)), Invalid("The token expired"), "The token expired." },
        { "wrong audience", Token(audience: "someone-else"), Invalid("The token is meant for another audience"), "The token is meant for another audience." },
        { "wrong issuer", Token(issuer: "https://evil.example"), Invalid("The token's issuer is not trusted"), "The token's issuer is not trusted." },
        { "wrong role", Token(roles: [OneStopRoles.Employer]),
            "Bearer error=\"insufficient_scope\", error_description=\"The token's roles and scopes do not allow this call\"",
            "The token's roles and scopes do not allow this call." },
    };

    [Theory]
    [MemberData(nameof(Challenges))]
    public async Task Refusals_say_which_check_failed_in_the_challenge_and_the_status(string why, string? token, string challenge, string message)
    {
        var client = new TestService.TestServiceClient(_gateway.CallInvoker(token));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);

        Assert.True(challenge == error.Trailers.GetValue("www-authenticate"), $"{why}: www-authenticate was '{error.Trailers.GetValue("www-authenticate")}'");
        Assert.Equal(message, error.Status.Detail);
        Assert.DoesNotContain(DevelopmentTokens.SigningKeyBase64, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_request_with_an_invalid_bearer_token_gets_401_and_the_challenge()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_gateway.WebAddress, "/"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(lifetime: TimeSpan.FromMinutes(-5)));

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Invalid("The token expired"), response.Headers.WwwAuthenticate.ToString());
    }

    private static string Invalid(string description) => $"Bearer error=\"invalid_token\", error_description=\"{description}\"";

    [Theory]
    [InlineData(OneStopRoles.AgencySystem)]
    [InlineData(OneStopRoles.Frontdesk)]
    public async Task Callers_with_an_admitted_role_are_forwarded_with_their_token(string role)
    {
        var token = Token(roles: [role]);
        var client = new TestService.TestServiceClient(_gateway.CallInvoker(token));

        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.True(_backend.ReceivedHeaders.TryDequeue(out var headers));
        Assert.Equal("Bearer " + token, headers["authorization"]); // the service checks it again
    }

    [Fact]
    public async Task An_OAuth_scope_admits_a_caller_without_the_role()
    {
        var token = DevelopmentTokens.Create("agency-7", "org-7", "05766", [], extraClaims: new Dictionary<string, object> { ["scope"] = "directory.read appointments.book" });
        var client = new TestService.TestServiceClient(_gateway.CallInvoker(token));

        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.Equal(1, _backend.Calls);
    }

    [Fact]
    public async Task An_Entra_style_roles_claim_admits_the_caller()
    {
        var token = DevelopmentTokens.Create("agency-8", "org-8", "05766", [], extraClaims: new Dictionary<string, object> { ["roles"] = OneStopRoles.AgencySystem });
        var client = new TestService.TestServiceClient(_gateway.CallInvoker(token));

        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.Equal(1, _backend.Calls);
    }

    private static string Token(string[]? roles = null, TimeSpan? lifetime = null, string? audience = null, string? issuer = null, byte[]? key = null) =>
        DevelopmentTokens.Create("agency-system-1", "org-jobcenter", "05766", roles ?? [OneStopRoles.AgencySystem], lifetime, issuer, audience, key);
}
