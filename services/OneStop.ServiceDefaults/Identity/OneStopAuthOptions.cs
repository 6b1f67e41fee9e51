namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// Token validation settings, bound from <c>OneStop:Auth</c>. Two modes:
/// a shared HMAC key (<see cref="SigningKey"/>, or the development key) for local runs and tests, or a real
/// OIDC issuer (<see cref="Authority"/> / <see cref="MetadataAddress"/>, e.g. Keycloak or Entra ID) whose
/// signing keys come from its discovery document.
/// </summary>
public sealed class OneStopAuthOptions
{
    public const string SectionName = "OneStop:Auth";
    public const string DefaultIssuer = "https://onestop.local/dev";
    public const string DefaultAudience = "onestop";

    /// <summary>
    /// The expected <c>iss</c>. With an <see cref="Authority"/> and no explicit value here, the issuer from the
    /// authority's discovery document is used instead.
    /// </summary>
    public string Issuer { get; set; } = DefaultIssuer;

    public string Audience { get; set; } = DefaultAudience;

    /// <summary>Base64 HMAC-SHA256 key. Takes precedence over everything else when set.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Use <see cref="DevelopmentTokens.SigningKey"/> outside the Development environment (local <c>./onestop up</c>).</summary>
    public bool UseDevelopmentKey { get; set; }

    /// <summary>OIDC issuer base address; its <c>.well-known/openid-configuration</c> supplies the keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Explicit discovery document address, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Only for an OIDC issuer reached over plain HTTP inside a test cluster.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// How long a token that passed validation is accepted again without a full check (never past its expiry);
    /// zero turns the <see cref="ValidatedTokenCache"/> off. It bounds how long a signing key the issuer has
    /// withdrawn is still honoured for tokens already seen.
    /// </summary>
    public TimeSpan ValidatedTokenCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Distinct tokens the cache holds at most.</summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>
    /// The gateway's own issuer, for the tokens its web front mints (signed-in staff, public booking). With a real
    /// OIDC issuer the gateway holds none of its keys, so it signs with its own EC key, and services trust it next to
    /// the main issuer; each issuer's tokens pass only with that issuer's own key.
    /// </summary>
    public GatewayIssuerOptions Gateway { get; set; } = new();
}

/// <summary><c>OneStop:Auth:Gateway</c>: Issuer and PublicKey together on every service; PrivateKey on the gateway only.</summary>
public sealed class GatewayIssuerOptions
{
    /// <summary>The <c>iss</c> of gateway-minted tokens, e.g. <c>https://onestop.kreis-lippe.de/gateway</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>PEM public key (EC P-256, "BEGIN PUBLIC KEY") that gateway tokens are checked against.</summary>
    public string? PublicKey { get; set; }

    /// <summary>
    /// PEM private key (EC P-256, PKCS#8 "BEGIN PRIVATE KEY") the gateway signs with (ES256). Only the gateway has it:
    /// services can check gateway tokens but never mint one.
    /// </summary>
    public string? PrivateKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(PublicKey) || !string.IsNullOrWhiteSpace(PrivateKey);
}
