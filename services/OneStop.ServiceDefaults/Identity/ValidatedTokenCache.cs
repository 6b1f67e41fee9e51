using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// Remembers tokens that passed validation, so a caller sending the same bearer token on every call pays for
/// parsing it and checking its signature once, not per call (the largest part of the edge's cost per call).
/// A token is served from here only while it is unexpired and for at most <c>maxAge</c> after it was checked. That
/// is also how long a signing key an OIDC issuer withdraws is still honoured for tokens already seen: the handler
/// reads such an issuer's keys from its configuration manager during validation, out of this cache's sight.
/// Configured keys (a shared key, the gateway's) are compared as instances, so a changed one means a full check.
/// Failed validations are never kept: each one is checked again in full. The cache keeps a copy of the identity
/// and every caller, the first included, gets an identity of its own, so a request that adds claims cannot change
/// another's.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeSpan maxAge, int capacity, TimeProvider clock) : TokenHandler
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock; this one is kept beside it and may be off by a few under races.
    private int _count;
    private long _hits;

    /// <summary>Tokens currently remembered, approximately (for tests and diagnostics).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Validations answered from the cache so far (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(token, out var entry))
        {
            if (now < entry.Until && SameKeys(entry.Keys, validationParameters))
            {
                Interlocked.Increment(ref _hits);
                return entry.Copy();
            }
            Forget(new KeyValuePair<string, Entry>(token, entry));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var validTo } && validTo > now.UtcDateTime)
        {
            var until = now + maxAge < validTo ? now + maxAge : new DateTimeOffset(validTo, TimeSpan.Zero);
            Remember(token, new Entry(CopyOf(result), until, KeysOf(validationParameters)), now);
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    private void Remember(string token, Entry entry, DateTimeOffset now)
    {
        if (Count >= capacity)
        {
            foreach (var pair in _entries)
            {
                if (pair.Value.Until <= now) Forget(pair);
            }
            // Still full of live tokens (many callers, or someone sending endless distinct ones): start over rather
            // than grow; the cost is one full validation per caller.
            if (Count >= capacity)
            {
                _entries.Clear();
                Volatile.Write(ref _count, 0);
            }
        }
        if (_entries.TryAdd(token, entry)) Interlocked.Increment(ref _count);
    }

    /// <summary>Removes exactly this entry: not a fresher one another request put there meanwhile.</summary>
    private void Forget(KeyValuePair<string, Entry> pair)
    {
        if (_entries.TryRemove(pair)) Interlocked.Decrement(ref _count);
    }

    /// <summary>What the signature could have been checked against from the parameters: the configured key and key set.</summary>
    private static SecurityKey[] KeysOf(TokenValidationParameters parameters) =>
        [.. parameters.IssuerSigningKeys ?? [], .. parameters.IssuerSigningKey is { } key ? [key] : Array.Empty<SecurityKey>()];

    private static bool SameKeys(SecurityKey[] remembered, TokenValidationParameters parameters) =>
        remembered.SequenceEqual(KeysOf(parameters), ReferenceEqualityComparer.Instance);

    /// <summary>A valid result with an identity of its own.</summary>
    private static TokenValidationResult CopyOf(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until, SecurityKey[] Keys)
    {
        public TokenValidationResult Copy() => CopyOf(Result);
    }
}
