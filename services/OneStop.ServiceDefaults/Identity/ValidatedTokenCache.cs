using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// Remembers tokens that passed validation, so a caller sending the same bearer token on every call pays for
/// parsing it and checking its signature once, not per call (the largest part of the edge's cost per call).
/// A token is served from here only while it is unexpired and for at most <c>maxAge</c> after it was checked,
/// so a signing key taken out of an issuer's keys stops being honoured within that time. Failed validations are
/// never kept: each one is checked again in full. Each hit hands out a copy of the identity, so a request that
/// adds claims cannot change another's.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeSpan maxAge, int capacity, TimeProvider clock) : TokenHandler
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private long _hits;

    /// <summary>Tokens currently remembered (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>Validations answered from the cache so far (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(token, out var entry))
        {
            // Only against the very same keys: an issuer's refreshed key set means a full check.
            if (now < entry.Until && SameKeys(entry.Keys, validationParameters))
            {
                Interlocked.Increment(ref _hits);
                return entry.Copy();
            }
            _entries.TryRemove(token, out _);
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var validTo } && validTo > now.UtcDateTime)
        {
            var until = now + maxAge < validTo ? now + maxAge : new DateTimeOffset(validTo, TimeSpan.Zero);
            Remember(token, new Entry(result, until, KeysOf(validationParameters)), now);
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    private void Remember(string token, Entry entry, DateTimeOffset now)
    {
        if (_entries.Count >= capacity)
        {
            foreach (var (key, old) in _entries)
            {
                if (old.Until <= now) _entries.TryRemove(key, out _);
            }
            // Still full of live tokens (many callers, or someone sending endless distinct ones): start over rather
            // than grow; the cost is one full validation per caller.
            if (_entries.Count >= capacity) _entries.Clear();
        }
        _entries[token] = entry;
    }

    /// <summary>
    /// What the signature could have been checked against: the configured key and key set. The handler rebuilds the
    /// set per request with an OIDC issuer (its keys joined to the configured ones), so the keys are compared one by
    /// one, as instances: a refresh brings new instances.
    /// </summary>
    private static SecurityKey[] KeysOf(TokenValidationParameters parameters) =>
        [.. parameters.IssuerSigningKeys ?? [], .. parameters.IssuerSigningKey is { } key ? [key] : Array.Empty<SecurityKey>()];

    private static bool SameKeys(SecurityKey[] remembered, TokenValidationParameters parameters) =>
        remembered.SequenceEqual(KeysOf(parameters), ReferenceEqualityComparer.Instance);

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until, SecurityKey[] Keys)
    {
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Result.ClaimsIdentity.Clone(),
            SecurityToken = Result.SecurityToken,
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}
