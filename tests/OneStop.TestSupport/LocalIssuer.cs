using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.TestSupport;

/// <summary>
/// An identity provider the tests start: HTTPS on 127.0.0.1 with a certificate made here (trusted only by handlers
/// from <see cref="TrustingHandler"/>), one RSA key, and per realm a discovery document, a JWKS, an authorization
/// endpoint that signs <see cref="User"/> in without asking, and a token endpoint for the code it hands out.
/// A realm is the path below the base address that is also the issuer: <c>realms/onestop</c> as Keycloak lays it out,
/// <c>{tenant id}/v2.0</c> as Entra ID does.
/// </summary>
public sealed class LocalIssuer : IAsyncDisposable
{
    public const string KeyId = "local-issuer-key-1";
    private const string Discovery = "/.well-known/openid-configuration";

    private readonly WebApplication _app;
    private readonly RSA _rsa;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);

    private LocalIssuer(WebApplication app, RSA rsa, X509Certificate2 certificate)
    {
        _app = app;
        _rsa = rsa;
        _certificate = certificate;
        Key = new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    /// <summary><c>https://127.0.0.1:port</c>, no trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    public RsaSecurityKey Key { get; }

    /// <summary>The certificate the issuer serves TLS with (made for this run, trusted by nothing by default).</summary>
    public X509Certificate2 Certificate => _certificate;

    /// <summary>The claims of whoever signs in at the authorization endpoint (both tokens get them).</summary>
    public Dictionary<string, object> User { get; set; } = [];

    /// <summary>The <c>aud</c> of access tokens the token endpoint issues: the services' audience.</summary>
    public string AccessTokenAudience { get; set; } = "onestop";

    /// <summary>Client id and secret the token endpoint accepts.</summary>
    public (string Id, string Secret) Client { get; set; } = ("onestop-web", "web-secret");

    /// <summary>Every access token the token endpoint issued, in order.</summary>
    public ConcurrentQueue<string> IssuedAccessTokens { get; } = new();

    /// <summary>Authorization requests received, as query strings.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizationRequests { get; } = new();

    public string Issuer(string realm) => $"{BaseAddress}/{realm}";

    public static async Task<LocalIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var certificate = LoopbackCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalIssuer(app, rsa, certificate);
        app.Run(issuer.HandleAsync);
        await app.StartAsync();
        issuer.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return issuer;
    }

    /// <summary>A handler that trusts this issuer's certificate and nothing else, for backchannels in the test.</summary>
    public HttpMessageHandler TrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.Thumbprint == _certificate.Thumbprint,
        AllowAutoRedirect = false,
    };

    /// <summary>A token signed with the issuer's key (or <paramref name="credentials"/>, for forgeries), as the realm's issuer.</summary>
    public string Token(string realm, string audience, IReadOnlyDictionary<string, object> claims, TimeSpan? lifetime = null,
        SigningCredentials? credentials = null, string? issuer = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        var notBefore = expires > now ? now : expires - TimeSpan.FromMinutes(5);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer(realm),
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = claims.ToDictionary(c => c.Key, c => c.Value),
            SigningCredentials = credentials ?? new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith(Discovery, StringComparison.Ordinal))
        {
            var realm = path[1..^Discovery.Length];
            var issuer = Issuer(realm);
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["end_session_endpoint"] = issuer + "/logout",
                ["jwks_uri"] = issuer + "/keys",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
            });
        }
        else if (path.EndsWith("/keys", StringComparison.Ordinal))
        {
            var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = KeyId });
            await context.Response.WriteAsJsonAsync(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = publicKey.Kid, n = publicKey.N, e = publicKey.E } } });
        }
        else if (path.EndsWith("/authorize", StringComparison.Ordinal))
        {
            await AuthorizeAsync(context, realm: path[1..^"/authorize".Length]);
        }
        else if (path.EndsWith("/token", StringComparison.Ordinal) && HttpMethods.IsPost(context.Request.Method))
        {
            await RedeemAsync(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>Signs <see cref="User"/> in and returns a code to the client, by form post or query as it asked.</summary>
    private async Task AuthorizeAsync(HttpContext context, string realm)
    {
        var query = context.Request.Query;
        AuthorizationRequests.Enqueue(query);
        if (query["client_id"] != Client.Id || query["response_type"] != "code" || string.IsNullOrEmpty(query["redirect_uri"]))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new PendingCode(realm, query["redirect_uri"]!, query["nonce"], query["code_challenge"], new Dictionary<string, object>(User));
        var redirect = query["redirect_uri"].ToString();
        var state = query["state"].ToString();
        if (query["response_mode"] == "form_post")
        {
            var html = new StringBuilder("<html><body><form method=\"post\" action=\"").Append(HtmlEncoder.Default.Encode(redirect)).Append("\">");
            html.Append("<input type=\"hidden\" name=\"code\" value=\"").Append(code).Append("\"/>");
            html.Append("<input type=\"hidden\" name=\"state\" value=\"").Append(HtmlEncoder.Default.Encode(state)).Append("\"/>");
            html.Append("</form></body></html>");
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(html.ToString());
            return;
        }
        context.Response.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
    }

    /// <summary>The code for an id token and an access token: once, for the same redirect URI, with the PKCE verifier.</summary>
    private async Task RedeemAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var (clientId, secret) = ((string?)form["client_id"], (string?)form["client_secret"]);
        if (context.Request.Headers.Authorization.ToString() is { } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic["Basic ".Length..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        if (form["grant_type"] != "authorization_code" || clientId != Client.Id || secret != Client.Secret
            || !_codes.TryRemove(form["code"].ToString(), out var pending) || form["redirect_uri"] != pending.RedirectUri
            || pending.CodeChallenge is { Length: > 0 } challenge && challenge != Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant" });
            return;
        }
        var idClaims = new Dictionary<string, object>(pending.User);
        if (pending.Nonce is { Length: > 0 } nonce) idClaims["nonce"] = nonce;
        var accessToken = Token(pending.Realm, AccessTokenAudience, pending.User);
        IssuedAccessTokens.Enqueue(accessToken);
        var response = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["access_token"] = accessToken,
            ["id_token"] = Token(pending.Realm, Client.Id, idClaims),
            ["expires_in"] = 600,
            // Never redeemed here; MSAL only lists an account as signed in when it holds one.
            ["refresh_token"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        };
        if (form["scope"].ToString() is { Length: > 0 } scope) response["scope"] = scope;
        // MSAL (Entra ID's client library) asks for the account's ids this way.
        if (form["client_info"] == "1" && pending.User.TryGetValue("oid", out var oid) && pending.User.TryGetValue("tid", out var tid))
            response["client_info"] = Base64UrlEncoder.Encode($"{{\"uid\":\"{oid}\",\"utid\":\"{tid}\"}}");
        await context.Response.WriteAsJsonAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
        _certificate.Dispose();
    }

    private sealed record PendingCode(string Realm, string RedirectUri, string? Nonce, string? CodeChallenge, Dictionary<string, object> User);
}
