using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// The gateway as a second trusted issuer (<see cref="OneStopAuthOptions.Gateway"/>). Token validation does not bind
/// keys to issuers by itself: any trusted key would do for any trusted issuer. So each issuer's tokens must be
/// signed with that issuer's own key: the gateway's key only for tokens naming the gateway, never for the identity
/// provider's, and the other way round.
/// </summary>
public sealed class GatewayIssuer
{
    private const int MinimumKeyBytes = 32; // HMAC-SHA256

    private GatewayIssuer(string issuer, byte[] key)
    {
        Issuer = issuer;
        KeyBytes = key;
        Key = new SymmetricSecurityKey(key);
    }

    public string Issuer { get; }

    public byte[] KeyBytes { get; }

    public SymmetricSecurityKey Key { get; }

    /// <summary>Null when not configured; a half or weak configuration fails at startup.</summary>
    public static GatewayIssuer? From(GatewayIssuerOptions options)
    {
        if (!options.Enabled) return null;
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.SigningKey))
            throw new InvalidOperationException("OneStop:Auth:Gateway needs both Issuer and SigningKey, or neither.");
        byte[] key;
        try { key = Convert.FromBase64String(options.SigningKey); }
        catch (FormatException e) { throw new InvalidOperationException("OneStop:Auth:Gateway:SigningKey is not valid base64.", e); }
        if (key.Length < MinimumKeyBytes)
            throw new InvalidOperationException($"OneStop:Auth:Gateway:SigningKey must be at least {MinimumKeyBytes} bytes.");
        return new GatewayIssuer(options.Issuer, key);
    }

    /// <summary>
    /// Adds the gateway's issuer and key next to the ones <paramref name="parameters"/> already trust. The validator
    /// replaces only the default key check, which looks at X509 certificate lifetimes; neither the gateway's key nor
    /// an issuer's JWKS keys are certificates.
    /// </summary>
    public void TrustIn(TokenValidationParameters parameters)
    {
        parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], Issuer];
        parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], Key];
        parameters.IssuerSigningKeyValidator = KeyBelongsToIssuer;
    }

    private bool KeyBelongsToIssuer(SecurityKey signingKey, SecurityToken token, TokenValidationParameters parameters) =>
        string.Equals(token.Issuer, Issuer, StringComparison.Ordinal) == ReferenceEquals(signingKey, Key);
}
