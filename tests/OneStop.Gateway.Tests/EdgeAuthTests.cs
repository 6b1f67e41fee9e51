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
