using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneStop.ServiceDefaults.Identity;
using OneStop.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>What the cache of validated tokens may and may not remember, on a clock the test moves.</summary>
public sealed class ValidatedTokenCacheTests
{
    private readonly CountingHandler _inner = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly TokenValidationParameters _parameters = Parameters(new SymmetricSecurityKey(DevelopmentTokens.SigningKey));

    private ValidatedTokenCache Cache(int capacity = 100) => new(_inner, TimeSpan.FromMinutes(1), capacity, _clock);

    private static string Token(string subject = "user-1", TimeSpan? lifetime = null, byte[]? key = null) =>
        DevelopmentTokens.Create(subject, "org-ab", "05314", [OneStopRoles.Frontdesk], lifetime, key: key);

    [Fact]
    public async Task A_valid_token_is_checked_once_and_each_caller_gets_an_identity_of_its_own()
    {
        var cache = Cache();
        var token = Token();

        var first = await cache.ValidateTokenAsync(token, _parameters);
        var second = await cache.ValidateTokenAsync(token, _parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.Equal(1, cache.Hits);
        Assert.Equal("user-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(OneStopRoles.Frontdesk, second.ClaimsIdentity.FindFirst("role")?.Value);
        // The same kind of identity as a full validation gives: claim types stay case-sensitive, so a claim named
        // "Role" can never pass for "role".
        Assert.Equal(first.ClaimsIdentity.GetType(), second.ClaimsIdentity.GetType());
        Assert.Null(second.ClaimsIdentity.FindFirst("SUB"));
        first.ClaimsIdentity.AddClaim(new Claim("added-by-the-first-request", "x"));
        second.ClaimsIdentity.AddClaim(new Claim("added-by-one-request", "x"));
        var third = await cache.ValidateTokenAsync(token, _parameters);
        Assert.Null(third.ClaimsIdentity.FindFirst("added-by-one-request"));
        Assert.Null(third.ClaimsIdentity.FindFirst("added-by-the-first-request"));
    }

    [Fact]
    public async Task A_token_that_fails_validation_is_checked_in_full_every_time()
    {
        var cache = Cache();
        var forged = Token(key: new byte[64]);

        for (var i = 0; i < 3; i++) Assert.False((await cache.ValidateTokenAsync(forged, _parameters)).IsValid);

        Assert.Equal(3, _inner.Validations);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_after_the_cache_duration()
    {
        var cache = Cache();
        var token = Token();
        await cache.ValidateTokenAsync(token, _parameters);

        _clock.Now += TimeSpan.FromSeconds(59);
        await cache.ValidateTokenAsync(token, _parameters);
        Assert.Equal(1, _inner.Validations);

        _clock.Now += TimeSpan.FromSeconds(2);
        await cache.ValidateTokenAsync(token, _parameters);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_token_is_never_served_from_the_cache_past_its_expiry()
    {
        var cache = Cache();
        var token = Token(lifetime: TimeSpan.FromSeconds(40)); // expires before the cache duration ends
        await cache.ValidateTokenAsync(token, _parameters);

        _clock.Now += TimeSpan.FromSeconds(41);
        await cache.ValidateTokenAsync(token, _parameters);

        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task Other_signing_keys_mean_a_full_check()
    {
        var cache = Cache();
        var token = Token();
        await cache.ValidateTokenAsync(token, _parameters);

        // The issuer's keys were refreshed (a new key set), and the old key is no longer among them.
        var rotated = Parameters(new SymmetricSecurityKey(new byte[64]));
        var result = await cache.ValidateTokenAsync(token, rotated);

        Assert.False(result.IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task The_cache_never_holds_more_tokens_than_its_capacity()
    {
        var cache = Cache(capacity: 3);

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await cache.ValidateTokenAsync(Token($"user-{i}"), _parameters)).IsValid);
            Assert.InRange(cache.Count, 1, 3);
        }
    }

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = OneStopAuthOptions.DefaultIssuer,
        ValidAudience = OneStopAuthOptions.DefaultAudience,
        IssuerSigningKey = key,
        NameClaimType = OneStopClaimTypes.Subject,
        RoleClaimType = OneStopClaimTypes.Role,
    };

    /// <summary>The real handler, counting the full validations it performs.</summary>
    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _validations;

        public int Validations => Volatile.Read(ref _validations);

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _validations);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
