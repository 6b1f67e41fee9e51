using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// The gateway as a second trusted issuer (<see cref="OneStopAuthOptions.Gateway"/>), with an EC P-256 key pair:
/// services hold only the public key, so they can check gateway tokens but not mint them; the gateway signs (ES256).
/// Token validation does not bind keys to issuers by itself (any trusted key would do for any trusted issuer), so
/// each issuer's tokens must carry that issuer's own signature: the gateway's key only for tokens naming the
/// gateway, never for the identity provider's, and the other way round.
/// </summary>
public sealed class GatewayIssuer
{
    private const string KeyId = "onestop-gateway";

    private GatewayIssuer(string issuer, ECDsaSecurityKey key, SigningCredentials? signing)
    {
        Issuer = issuer;
        Key = key;
        SigningCredentials = signing;
    }

    public string Issuer { get; }

    /// <summary>The public key gateway tokens are checked against.</summary>
    public ECDsaSecurityKey Key { get; }

    /// <summary>ES256 with the private key; null where it is not configured (every service but the gateway).</summary>
    public SigningCredentials? SigningCredentials { get; }

    /// <summary>Null when not configured; a partial or mismatched configuration fails at startup.</summary>
    public static GatewayIssuer? From(GatewayIssuerOptions options)
    {
        if (!options.Enabled) return null;
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.PublicKey))
            throw new InvalidOperationException("OneStop:Auth:Gateway needs Issuer and PublicKey (and PrivateKey on the gateway), or none of them.");
        var publicKey = ImportP256(options.PublicKey, "PublicKey");
        SigningCredentials? signing = null;
        if (!string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            var privateKey = ImportP256(options.PrivateKey, "PrivateKey");
            if (!SamePoint(privateKey.ExportParameters(false), publicKey.ExportParameters(false)))
                throw new InvalidOperationException("OneStop:Auth:Gateway:PrivateKey does not belong to OneStop:Auth:Gateway:PublicKey.");
            signing = new SigningCredentials(new ECDsaSecurityKey(privateKey) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);
        }
        return new GatewayIssuer(options.Issuer, new ECDsaSecurityKey(publicKey) { KeyId = KeyId }, signing);
    }

    /// <summary>Adds the gateway's issuer and key next to the ones <paramref name="parameters"/> already trust.</summary>
    public void TrustIn(TokenValidationParameters parameters)
    {
        parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], Issuer];
        parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], Key];
        parameters.IssuerSigningKeyValidator = KeyBelongsToIssuer;
    }

    /// <summary>
    /// Replaces the default key check, whose only work is the lifetime of certificate keys (an issuer's JWKS may
    /// publish certificates), so that check is kept here.
    /// </summary>
    internal bool KeyBelongsToIssuer(SecurityKey signingKey, SecurityToken token, TokenValidationParameters parameters)
    {
        if (string.Equals(token.Issuer, Issuer, StringComparison.Ordinal) != ReferenceEquals(signingKey, Key)) return false;
        if (signingKey is X509SecurityKey { Certificate: { } certificate })
        {
            var now = DateTime.UtcNow;
            return now + parameters.ClockSkew >= certificate.NotBefore.ToUniversalTime()
                && now - parameters.ClockSkew <= certificate.NotAfter.ToUniversalTime();
        }
        return true;
    }

    private static ECDsa ImportP256(string pem, string setting)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"OneStop:Auth:Gateway:{setting} is not a PEM EC key.", e);
        }
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"OneStop:Auth:Gateway:{setting} must be an EC P-256 key (ES256).");
        }
        return key;
    }

    private static bool SamePoint(ECParameters a, ECParameters b) =>
        a.Q.X.AsSpan().SequenceEqual(b.Q.X) && a.Q.Y.AsSpan().SequenceEqual(b.Q.Y);
}
