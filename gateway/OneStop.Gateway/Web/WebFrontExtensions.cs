using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Appointments.V1;
using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.SignIn;
using OneStop.Gateway.Web.Text;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Data;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web;

/// <summary>Wiring of the Razor Pages web front (front desk and public pages).</summary>
public static class WebFrontExtensions
{
    /// <summary>
    /// Staff pages name their cookie scheme explicitly (<see cref="StaffSignIn"/>), as the forwarder's policies name
    /// JwtBearer: whichever scheme is the default, each side authenticates with its own.
    /// </summary>
    public const string StaffPolicy = "staff";

    public const string IdentityDatabaseFile = DemoStaffSignIn.IdentityDatabaseFile;

    public static WebApplicationBuilder AddWebFront(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebFrontOptions>().Bind(builder.Configuration.GetSection(WebFrontOptions.SectionName))
            .PostConfigure(o => o.ApplyDemoDefaults());

        var profile = IdentityProfiles.Resolve(builder.Configuration);
        services.AddSingleton(new WebFrontProfile(profile));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AuthorizeFolder("/Staff", StaffPolicy);
            o.Conventions.AllowAnonymousToPage("/Staff/SignIn");
            if (profile == IdentityProfile.EntraId) EntraIdStaffSignIn.ReauthenticateWhenNoTokenIsCached(o, builder.Configuration);
        });
        // Arabic and Ukrainian text as characters, not as &#x...; entities (the default encoder keeps only Basic Latin).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "onestop.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Codes.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // German unless the visitor chose otherwise (the switcher's cookie, or ?culture= in a link); the browser's
            // Accept-Language is not used, so the county's default language is what a first visit shows.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        // Sign-in and antiforgery cookies are protected with these keys; kept next to the sign-in store, so a restart
        // (or a new container with the same data volume) does not sign everyone out.
        services.AddDataProtection().SetApplicationName("OneStop.Gateway")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory(builder), "gateway-keys")));

        var staffScheme = builder.AddStaffSignIn(profile);
        services.AddAuthorizationBuilder().AddPolicy(StaffPolicy, p => p
            .AddAuthenticationSchemes(staffScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => IsStaff(context.User)));

        services.AddDirectoryClient();
        services.AddGrpcClient<AppointmentsService.AppointmentsServiceClient>(o => o.Address = new Uri(
                builder.Configuration[ServiceClients.AppointmentsAddressKey] is { Length: > 0 } address ? address : ServiceClients.DefaultAppointmentsAddress))
            .AddDefaultDeadline(ServiceClients.DefaultDeadline);
        var referralsAddress = new Uri(builder.Configuration[ServiceClients.ReferralsAddressKey] is { Length: > 0 } referrals
            ? referrals : ServiceClients.DefaultReferralsAddress);
        services.AddGrpcClient<ReferralService.ReferralServiceClient>(o => o.Address = referralsAddress).AddDefaultDeadline(ServiceClients.DefaultDeadline);
        services.AddGrpcClient<ConsentService.ConsentServiceClient>(o => o.Address = referralsAddress).AddDefaultDeadline(ServiceClients.DefaultDeadline);
        services.AddGrpcClient<PlanService.PlanServiceClient>(o => o.Address = referralsAddress).AddDefaultDeadline(ServiceClients.DefaultDeadline);
        services.AddSingleton<ServiceClients>();
        services.AddSingleton<CallerTokens>();
        services.AddSingleton<UiText>();
        services.AddSingleton<PublicOffers>();
        services.AddScoped<DirectoryLookups>();
        return builder;
    }

    /// <summary>The gateway's data directory (sign-in store, cookie keys): <c>OneStop:DataDirectory</c>, else .data.</summary>
    internal static string DataDirectory(WebApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration[DatabaseSettings.DataDirectoryKey] is { Length: > 0 } d
            ? d : Path.Combine(builder.Environment.ContentRootPath, ".data");
        System.IO.Directory.CreateDirectory(dataDirectory);
        return dataDirectory;
    }

    /// <summary>
    /// A staff role, read the same way in every profile: the demo store's role claims, or the issuer's <c>role</c> or
    /// <c>roles</c> claims as <see cref="CallerIdentity"/> reads them.
    /// </summary>
    private static bool IsStaff(System.Security.Claims.ClaimsPrincipal user) =>
        DemoUsers.StaffRoles.Any(role => user.IsInRole(role) || CallerIdentity.From(user)?.IsInRole(role) == true);

    /// <summary>
    /// The web front's middleware, for web requests only: forwarded gRPC calls skip it entirely (a file-system probe
    /// for static files and culture parsing on every forwarded call cost measurable gateway throughput).
    /// </summary>
    public static WebApplication UseWebFrontMiddleware(this WebApplication app)
    {
        app.UseWhen(IsWebRequest, web =>
        {
            web.UseWebSecurityHeaders();
            // Before the error pages, so they are written in the visitor's language too.
            web.UseRequestLocalization();
            web.UseStaticFiles();
        });
        // On the app itself, not in the branch above: re-executing /error needs routing again, and only the
        // WebApplication's own builder carries the routes (a UseWhen branch does not, and would re-execute into
        // nothing). Still inside the branch's localization, which wraps the rest of the pipeline.
        app.UseWebErrorPages(IsWebRequest);
        return app;
    }

    /// <summary>
    /// Decided by what routing chose where it can, not by a header the client sets: a page is web whatever its
    /// content type, a forwarded route never is. Anything else (static files, the gateway's own gRPC services, no
    /// match) goes by content type, so gRPC calls get their UNIMPLEMENTED, not an HTML 404.
    /// </summary>
    private static bool IsWebRequest(HttpContext context)
    {
        if (RequestKinds.IsPage(context)) return true;
        if (RequestKinds.IsForwarded(context)) return false;
        return !GrpcStatusResponses.IsGrpcRequest(context.Request);
    }

    public static WebApplication MapWebFront(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    /// <summary>Migrates the sign-in store and writes the demo staff (idempotent).</summary>
    public static async Task SeedWebFrontAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<WebFrontProfile>().Profile != IdentityProfile.Development)
        {
            app.Logger.LogWarning("Nothing to seed: staff sign in at the identity provider ({Profile} profile)", app.Services.GetRequiredService<WebFrontProfile>().Profile);
            return;
        }
        var allowed = app.Environment.IsDevelopment() || app.Services.GetRequiredService<IOptions<WebFrontOptions>>().Value.SeedDemoUsers;
        if (!allowed)
        {
            // The sign-in store is still migrated; only the demo logins (public passwords) are withheld.
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GatewayIdentityDbContext>().Database.MigrateAsync();
            app.Logger.LogWarning("Demo staff not seeded: not Development and {Key} is not set", WebFrontOptions.SectionName + ":SeedDemoUsers");
            return;
        }
        await DemoUsers.SeedAsync(app.Services, app.Logger);
    }
}
