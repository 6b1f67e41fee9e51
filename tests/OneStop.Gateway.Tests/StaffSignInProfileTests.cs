using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using OneStop.Appointments.V1;
using OneStop.Gateway.Tests.Support;
using OneStop.Gateway.Web.SignIn;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests;

/// <summary>
/// The web front with an external issuer the test starts (TLS on 127.0.0.1): an unauthenticated staff page goes to
/// the issuer's sign-in, and after the code flow a staff page's gRPC call to a service carries the user's access
/// token. The gateway itself runs with TLS, as in production, so the browser's session cookies are the real ones.
/// </summary>
public sealed partial class StaffSignInProfileTests : IAsyncLifetime
{
    private const string Realm = "realms/onestop";
    private const string Tenant = "7d1f2c3a-5b6e-4c8d-9a0b-1c2d3e4f5a6b";
    private const string WebClientId = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d";
    private const string ApiClientId = "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f";
    private const string Calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";

    private readonly X509Certificate2 _gatewayCertificate = LoopbackCertificate.Create();
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"onestop-gateway-{Guid.NewGuid():N}.pfx");
    private LocalIssuer _idp = null!;
    private RawBackend _appointments = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(_pfx, _gatewayCertificate.Export(X509ContentType.Pfx, "test"));
        _idp = await LocalIssuer.StartAsync();
        _idp.Client = (WebClientId, "web-secret");
        _idp.User = new Dictionary<string, object>
        {
            ["sub"] = "staff-7", ["preferred_username"] = "desk@kreis.example", ["org"] = "org-ip-lippe", ["region"] = "05766",
            ["role"] = new[] { "frontdesk" },
        };
        _appointments = await RawBackend.StartAsync();
        // The appointments service as far as this test needs it: GetIcs for a caller whose bearer token the issuer issued.
        _appointments.OnCall = async context =>
        {
            await RawBackend.DrainRequestAsync(context);
            var bearer = context.Request.Headers.Authorization.ToString();
            if (!_idp.IssuedAccessTokens.Any(token => bearer == "Bearer " + token))
            {
                await RawBackend.TrailersOnly(16, "no token of the issuer")(context); // UNAUTHENTICATED
                return;
            }
            await RawBackend.WriteHeadersAsync(context);
            await RawBackend.WriteMessageAsync(context, new IcsResponse { Ics = Calendar });
            context.Response.AppendTrailer("grpc-status", "0");
        };
    }

    public async Task DisposeAsync()
    {
        await _appointments.DisposeAsync();
        await _idp.DisposeAsync();
        _gatewayCertificate.Dispose();
        File.Delete(_pfx);
    }

    private Dictionary<string, string?> GatewaySettings() => Routes.GrpcTesting("anonymous", _appointments.Address)
        .With("OneStop:Tls:CertificatePath", _pfx)
        .With("OneStop:Tls:CertificatePassword", "test")
        .With("OneStop:Services:Appointments", _appointments.Address.ToString());

    /// <summary>A browser: cookies, no automatic redirects (each hop is asserted), trusting the gateway's and the issuer's certificates only.</summary>
    private HttpClient Browser() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null
                && (presented.GetCertHashString() == _gatewayCertificate.GetCertHashString() || presented.GetCertHashString() == _idp.Certificate.GetCertHashString()),
        },
    });

    private static Uri Location(HttpResponseMessage response, Uri from)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect from {from}, got {(int)response.StatusCode}");
        return new Uri(from, response.Headers.Location!);
    }

    [Fact]
    public async Task Oidc_profile_signs_staff_in_at_the_issuer_and_calls_the_service_with_the_users_access_token()
    {
        await using var gateway = await GatewayTestHost.StartAsync(GatewaySettings()
            .With("OneStop:Auth:Profile", "Oidc")
            .With("OneStop:Auth:Authority", _idp.Issuer(Realm))
            .With("OneStop:WebFront:Oidc:ClientId", WebClientId)
            .With("OneStop:WebFront:Oidc:ClientSecret", "web-secret")
            .With("OneStop:WebFront:Oidc:Scope:0", "openid"),
            services: services =>
            {
                services.Configure<OpenIdConnectOptions>(StaffSignIn.OidcScheme, o => o.BackchannelHttpHandler = _idp.TrustingHandler());
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = _idp.TrustingHandler());
            });
        using var browser = Browser();
        var page = new Uri(gateway.WebAddress, "/staff/appointments/a-1/ics");

        // The staff page sends the visitor to the sign-in page, which sends them to the issuer.
        var signIn = Location(await browser.GetAsync(page), page);
        Assert.Equal("/staff/signin", signIn.AbsolutePath);
        var authorize = Location(await browser.GetAsync(signIn), signIn);
        Assert.StartsWith(_idp.Issuer(Realm) + "/authorize?", authorize.ToString());
        var request = QueryOf(authorize);
        Assert.Equal(WebClientId, request["client_id"]);
        Assert.Equal("code", request["response_type"]);
        Assert.Equal("S256", request["code_challenge_method"]);

        await SignInAndOpenAsync(browser, authorize, page);
    }

    [Fact]
    public async Task Oidc_profile_without_a_session_calls_no_service()
    {
        await using var gateway = await GatewayTestHost.StartAsync(GatewaySettings()
            .With("OneStop:Auth:Profile", "Oidc")
            .With("OneStop:Auth:Authority", _idp.Issuer(Realm))
            .With("OneStop:WebFront:Oidc:ClientId", WebClientId)
            .With("OneStop:WebFront:Oidc:ClientSecret", "web-secret"),
            services: services => services.Configure<OpenIdConnectOptions>(StaffSignIn.OidcScheme, o => o.BackchannelHttpHandler = _idp.TrustingHandler()));
        using var browser = Browser();
        var page = new Uri(gateway.WebAddress, "/staff/appointments/a-1/ics");

        Assert.Equal("/staff/signin", Location(await browser.GetAsync(page), page).AbsolutePath);
        Assert.Equal(0, _appointments.Calls);
    }

    private Task<GatewayTestHost> EntraIdGatewayAsync() => GatewayTestHost.StartAsync(GatewaySettings()
            .With("AzureAd:Instance", _idp.BaseAddress + "/")
            .With("AzureAd:TenantId", Tenant)
            .With("AzureAd:ClientId", ApiClientId)
            .With("OneStop:WebFront:EntraId:Instance", _idp.BaseAddress + "/")
            .With("OneStop:WebFront:EntraId:TenantId", Tenant)
            .With("OneStop:WebFront:EntraId:ClientId", WebClientId)
            .With("OneStop:WebFront:EntraId:ClientSecret", "web-secret")
            .With("OneStop:WebFront:ServiceScopes:0", $"api://{ApiClientId}/access_as_user"),
            services: services =>
            {
                services.Configure<OpenIdConnectOptions>(StaffSignIn.OidcScheme, o => o.BackchannelHttpHandler = _idp.TrustingHandler());
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = _idp.TrustingHandler());
                // MSAL's token requests use the factory's default client; Identity.Web's issuer validator one it names.
                // Nothing leaves the machine: MSAL's instance discovery at login.microsoftonline.com fails the same way with
                // or without a network, and MSAL goes on with the configured authority.
                services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(_idp.TrustingHandler)
                    .AddHttpMessageHandler(() => new LoopbackOnly()));
                services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = "local-issuer");
            });

    private void SignInAsEntraUser()
    {
        _idp.AccessTokenAudience = ApiClientId;
        _idp.User = new Dictionary<string, object>
        {
            ["ver"] = "2.0", ["tid"] = Tenant, ["oid"] = "b0b0b0b0-0000-4000-8000-000000000007", ["sub"] = "staff-7",
            ["preferred_username"] = "desk@kreis.example", ["name"] = "Front Desk", ["org"] = "org-ip-lippe", ["region"] = "05766",
            ["roles"] = new[] { "frontdesk" }, ["scp"] = "access_as_user",
        };
    }

    [Fact]
    public async Task EntraId_profile_sends_staff_to_the_tenants_sign_in_with_the_web_fronts_registration()
    {
        await using var gateway = await EntraIdGatewayAsync();
        using var browser = Browser();
        var page = new Uri(gateway.WebAddress, "/staff/need");

        var signIn = Location(await browser.GetAsync(page), page);
        Assert.Equal("/staff/signin", signIn.AbsolutePath);
        var authorize = Location(await browser.GetAsync(signIn), signIn);
        Assert.StartsWith(_idp.Issuer($"{Tenant}/v2.0") + "/authorize?", authorize.ToString());
        var request = QueryOf(authorize);
        Assert.Equal(WebClientId, request["client_id"]);
        Assert.Contains("code", request["response_type"].ToString().Split(' '));
        Assert.Equal(new Uri(gateway.WebAddress, "/signin-oidc").ToString(), request["redirect_uri"]);
        Assert.Equal(0, _appointments.Calls);
    }

    [Fact]
    public async Task EntraId_profile_signs_staff_in_and_calls_the_service_with_an_acquired_access_token()
    {
        SignInAsEntraUser();
        await using var gateway = await EntraIdGatewayAsync();
        using var browser = Browser();
        var page = new Uri(gateway.WebAddress, "/staff/appointments/a-1/ics");

        var signIn = Location(await browser.GetAsync(page), page);
        var authorize = Location(await browser.GetAsync(signIn), signIn);
        await SignInAndOpenAsync(browser, authorize, page);
    }

    /// <summary>
    /// The issuer signs the user in and posts the code back; the web front redeems it and returns to the page. The
    /// page's gRPC call then carries the issuer's access token for this user, and the service accepts it.
    /// </summary>
    private async Task SignInAndOpenAsync(HttpClient browser, Uri authorize, Uri page)
    {
        var (callback, fields) = FormPost(await (await browser.GetAsync(authorize)).Content.ReadAsStringAsync());
        var signedIn = await browser.PostAsync(callback, new FormUrlEncodedContent(fields));
        Assert.Equal(page, Location(signedIn, callback));

        var ics = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal(Calendar, await ics.Content.ReadAsStringAsync());
        var accessToken = Assert.Single(_idp.IssuedAccessTokens);
        Assert.Contains(_appointments.ReceivedHeaders, headers => headers.Authorization == "Bearer " + accessToken);
    }

    /// <summary>Refuses every request that is not for 127.0.0.1, as an offline machine would.</summary>
    private sealed class LoopbackOnly : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri is { Host: "127.0.0.1" }
                ? base.SendAsync(request, cancellationToken)
                : throw new HttpRequestException($"{request.RequestUri?.Host} is not reachable from this test");
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> QueryOf(Uri uri) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);

    /// <summary>The action and hidden fields of the issuer's auto-submitting form (response_mode=form_post).</summary>
    private static (Uri Action, Dictionary<string, string> Fields) FormPost(string html)
    {
        var action = FormAction().Match(html);
        Assert.True(action.Success, html);
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return (new Uri(WebUtility.HtmlDecode(action.Groups[1].Value)), fields);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
