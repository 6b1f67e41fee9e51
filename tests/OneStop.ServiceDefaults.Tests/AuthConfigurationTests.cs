using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OneStop.ServiceDefaults.Identity;
using OneStop.ServiceDefaults.Tests.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>Which key a service trusts, by environment and <c>OneStop:Auth</c>.</summary>
public sealed class AuthConfigurationTests
{
    private static string DevToken() => DevelopmentTokens.Create("u", "o", "05314", [OneStopRoles.Employer]);

    [Fact]
    public async Task Development_environment_trusts_the_development_key_without_configuration()
    {
        await using var host = await DefaultsHost.StartAsync("Development", new Dictionary<string, string?>
        {
            ["OneStop:Auth:UseDevelopmentKey"] = null,
        });
        Assert.Equal("u|o|05314|employer", await host.WhoAmIAsync(DevToken()));
    }

    [Fact]
    public async Task Configured_signing_key_replaces_the_development_key()
    {
        var key = Enumerable.Range(1, 48).Select(i => (byte)i).ToArray();
        await using var host = await DefaultsHost.StartAsync("Production", new Dictionary<string, string?>
        {
            ["OneStop:Auth:UseDevelopmentKey"] = "false",
            ["OneStop:Auth:SigningKey"] = Convert.ToBase64String(key),
            ["OneStop:Auth:Issuer"] = "https://idp.kreis.example",
            ["OneStop:Auth:Audience"] = "onestop-prod",
        });
        var good = DevelopmentTokens.Create("u", "o", "05314", [], issuer: "https://idp.kreis.example", audience: "onestop-prod", key: key);
        Assert.Equal("u|o|05314|", await host.WhoAmIAsync(good));

        var devKeyed = DevelopmentTokens.Create("u", "o", "05314", [], issuer: "https://idp.kreis.example", audience: "onestop-prod");
        var e = await Assert.ThrowsAsync<RpcException>(() => host.WhoAmIAsync(devKeyed));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("00:00:00", false)]
    public async Task Validated_tokens_are_cached_unless_the_duration_is_zero(string? duration, bool cached)
    {
        var settings = new Dictionary<string, string?>();
        if (duration is not null) settings["OneStop:Auth:ValidatedTokenCacheDuration"] = duration; // else the default
        await using var host = await DefaultsHost.StartAsync("Development", settings);
        var token = DevToken();
        Assert.Equal("u|o|05314|employer", await host.WhoAmIAsync(token));
        Assert.Equal("u|o|05314|employer", await host.WhoAmIAsync(token)); // the second call may come from the cache

        var handlers = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme).TokenHandlers;
        var cache = handlers.OfType<ValidatedTokenCache>().SingleOrDefault();
        Assert.Equal(cached, cache is not null);
        if (cache is not null) Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Production_without_key_or_issuer_fails_at_startup_with_a_clear_message()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OneStop:Port"] = "0" });
        var e = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults("x", 0));
        Assert.Contains("OneStop:Auth:UseDevelopmentKey", e.Message);
        Assert.Contains("OneStop:Auth:Authority", e.Message);
    }

    [Fact]
    public void Oidc_authority_is_enough_configuration_outside_development()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:Auth:Authority"] = "https://keycloak.kreis.example/realms/onestop",
        });
        builder.AddServiceDefaults("x", 0);
        using var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        Assert.Equal("https://keycloak.kreis.example/realms/onestop", options.Authority);
        Assert.False(options.MapInboundClaims);
        // No explicit Issuer: the discovery document's issuer is used, not the development default.
        Assert.Null(options.TokenValidationParameters.ValidIssuer);
        Assert.Equal("role", options.TokenValidationParameters.RoleClaimType);
        Assert.Equal("sub", options.TokenValidationParameters.NameClaimType);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TokenValidationParameters.ClockSkew);
    }
}
