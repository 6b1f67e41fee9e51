using Grpc.Core;
using Grpc.Testing;
using OneStop.Gateway.Tests.Support;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Tests;

/// <summary>Per-client token buckets: one client's flood does not stop another client.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_client_over_its_limit_gets_RESOURCE_EXHAUSTED_while_another_client_still_gets_through()
    {
        await using var backend = await RawBackend.StartAsync();
        // A burst of 3 and a refill only once a minute: the fourth call within the test is over the limit.
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("authenticated", backend.Address)
            .With("OneStop:Gateway:RateLimits:Burst", "3")
            .With("OneStop:Gateway:RateLimits:PermitsPerSecond", "1")
            .With("OneStop:Gateway:RateLimits:ReplenishmentPeriod", "00:01:00"));
        var flooding = new TestService.TestServiceClient(gateway.CallInvoker(Token("agency-a")));
        var other = new TestService.TestServiceClient(gateway.CallInvoker(Token("agency-b")));

        for (var i = 0; i < 3; i++) await flooding.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));
        var error = await Assert.ThrowsAsync<RpcException>(() => flooding.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        await other.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(4, backend.Calls);
    }

    [Fact]
    public async Task Anonymous_calls_get_the_public_pages_limit_per_address_while_callers_with_a_token_keep_theirs()
    {
        await using var backend = await RawBackend.StartAsync();
        // The token bucket alone (burst 400) would let all of these through.
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address)
            .With("OneStop:Gateway:RateLimits:AnonymousCallsPerMinute", "3"));
        var anonymous = new TestService.TestServiceClient(gateway.CallInvoker());
        var withToken = new TestService.TestServiceClient(gateway.CallInvoker(Token("agency-a")));

        for (var i = 0; i < 3; i++) await anonymous.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));
        var error = await Assert.ThrowsAsync<RpcException>(() => anonymous.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        // Same address, but a caller with a token is limited by its own bucket.
        for (var i = 0; i < 5; i++) await withToken.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(20));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(8, backend.Calls);
    }

    [Fact]
    public async Task Public_bookings_are_limited_per_visitor_while_looking_at_slots_is_not()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OneStop:Gateway:RateLimits:PublicBookingsPerHour"] = "2",
        });
        using var http = new HttpClient();
        var page = new Uri(gateway.WebAddress, "/services/svc-wc-ankommen/appointment");

        // No antiforgery token, so the page refuses these itself; the limiter counts them before it.
        for (var i = 0; i < 2; i++)
        {
            using var refused = await http.PostAsync(page, new FormUrlEncodedContent([]));
            Assert.NotEqual(System.Net.HttpStatusCode.TooManyRequests, refused.StatusCode);
        }
        using var limited = await http.PostAsync(page, new FormUrlEncodedContent([]));
        using var look = await http.GetAsync(page);

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.TooManyRequests, look.StatusCode);
    }

    [Fact]
    public async Task Web_pages_are_limited_per_address_while_static_files_are_not()
    {
        await using var gateway = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OneStop:Gateway:RateLimits:WebPagesPerMinute"] = "3",
        });
        using var http = new HttpClient();
        var page = new Uri(gateway.WebAddress, "/staff/signin");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await http.GetAsync(page);
            Assert.Equal(System.Net.HttpStatusCode.OK, allowed.StatusCode);
        }
        using var limited = await http.GetAsync(page);
        using var file = await http.GetAsync(new Uri(gateway.WebAddress, "/no-such-file.css"));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.TooManyRequests, file.StatusCode);
    }

    private static string Token(string subject) => DevelopmentTokens.Create(subject, "org-" + subject, "05766", [OneStopRoles.AgencySystem]);
}
