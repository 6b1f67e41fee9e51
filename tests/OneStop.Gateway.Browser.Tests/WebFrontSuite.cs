using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using OneStop.Appointments;
using OneStop.Appointments.Grpc;
using OneStop.Directory;
using OneStop.Directory.Grpc;
using OneStop.Gateway;
using OneStop.Gateway.Forwarding;
using OneStop.Gateway.Web;
using OneStop.Referrals;
using OneStop.Referrals.Grpc;
using OneStop.TestSupport;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>
/// Everything the browser tests run against, started once per test run: the directory and appointments services with
/// their demo data, the referrals service (empty: the tests make their referrals and consents through the pages), the gateway (web front on a free port) and one headless Chromium. Redis points where nothing
/// listens: the directory read path must work without it. Real clock: the demo calendars offer slots from now on.
/// </summary>
public sealed class WebFrontSuite : IAsyncLifetime
{
    private const string UnreachableRedis = "127.0.0.1:1,connectTimeout=200,abortConnect=false";

    private ServiceTestHost? _directory;
    private ServiceTestHost? _appointments;
    private ServiceTestHost? _referrals;
    private WebApplication? _gateway;
    private IPlaywright? _playwright;
    private string _gatewayData = "";

    public string BaseUrl { get; private set; } = "";
    /// <summary>The gateway's services, for tests that need their own sign-in accounts.</summary>
    public IServiceProvider GatewayServices => _gateway!.Services;
    public IBrowser Browser { get; private set; } = null!;
    public static string RepositoryRoot => OneStop.Interop.Tests.Interop.RepoPaths.RepoRoot;
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(ScreenshotDirectory);
        _directory = await StartDirectoryAsync();
        _appointments = await StartAppointmentsAsync(_directory.Address);
        _referrals = await StartReferralsAsync(_directory.Address, _appointments.Address);
        _gateway = await StartGatewayAsync(_directory.Address, _appointments.Address, _referrals.Address);
        await WarmUpAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser context (own cookies), German by default like a first visit, with a test timeout.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "en-US", // the browser's language must not matter: German is the default
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        // Generous: the machine is shared, and a slow step must not pass for a broken one. Each test has its own limit too.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(_gatewayData, recursive: true); } catch (IOException) { /* a temp directory left behind is harmless */ }
        }
        if (_referrals is not null) await _referrals.DisposeAsync();
        if (_appointments is not null) await _appointments.DisposeAsync();
        if (_directory is not null) await _directory.DisposeAsync();
    }

    /// <summary>Seeded by its `seed` command first, as `./onestop up` does, so the started service searches the demo county.</summary>
    private static async Task<ServiceTestHost> StartDirectoryAsync()
    {
        var data = ServiceTestHost.NewDataDirectory("onestop-browser-tests");
        WebApplication Build(string[] args) => ServiceTestHost.Build("directory", typeof(DirectoryGrpcService), data, args,
            new Dictionary<string, string?> { ["OneStop:Redis"] = UnreachableRedis, ["OneStop:Directory:Redis"] = UnreachableRedis },
            null, null, builder => builder.AddDirectory());
        await using (var seed = Build(["seed"])) Assert.Equal(0, await seed.RunDirectoryAsync(["seed"]));
        var app = Build([]);
        app.MapGrpcService<DirectoryGrpcService>();
        app.MapDefaultEndpoints();
        return await ServiceTestHost.StartAsync(app, data);
    }

    /// <summary>
    /// Reads the directory for calendar files (names, addresses, the organizer) as under `./onestop up`; the seed's
    /// directory checks stay off, so a slow first directory call under load cannot fail the suite's start.
    /// </summary>
    private static async Task<ServiceTestHost> StartAppointmentsAsync(string directoryAddress)
    {
        var data = ServiceTestHost.NewDataDirectory("onestop-browser-tests");
        WebApplication Build(string[] args) => ServiceTestHost.Build("appointments", typeof(AppointmentsGrpcService), data, args,
            new Dictionary<string, string?>
            {
                ["OneStop:Redis"] = UnreachableRedis,
                ["OneStop:Appointments:ValidateDirectoryIds"] = "false",
                ["OneStop:Directory:Redis"] = UnreachableRedis,
                ["OneStop:Directory:DirectoryAddress"] = directoryAddress,
            }, null, null, builder => builder.AddAppointments());
        await using (var seed = Build(["seed"])) Assert.Equal(0, await seed.RunAppointmentsAsync(["seed"]));
        var app = Build([]);
        app.MapGrpcService<AppointmentsGrpcService>();
        app.MapDefaultEndpoints();
        return await ServiceTestHost.StartAsync(app, data);
    }

    /// <summary>
    /// The referrals service as Program.cs builds it, reading the real directory (receiving services and their
    /// organizations) and booking warm hand-overs through the real appointments service. It has no seed command:
    /// its data is what the pages create.
    /// </summary>
    private static async Task<ServiceTestHost> StartReferralsAsync(string directoryAddress, string appointmentsAddress)
    {
        var data = ServiceTestHost.NewDataDirectory("onestop-browser-tests");
        var app = ServiceTestHost.Build("referrals", typeof(ReferralGrpcService), data, [], new Dictionary<string, string?>
        {
            ["OneStop:Redis"] = UnreachableRedis,
            ["OneStop:Directory:DirectoryAddress"] = directoryAddress,
            [OneStop.Referrals.Extensions.AppointmentsAddressKey] = appointmentsAddress,
        }, null, null, builder => builder.AddReferrals());
        app.MapReferrals();
        app.MapDefaultEndpoints();
        return await ServiceTestHost.StartAsync(app, data);
    }

    /// <summary>The gateway as Program.cs builds it; its content root is the project folder, so wwwroot is served as in `./onestop up`.</summary>
    private async Task<WebApplication> StartGatewayAsync(string directoryAddress, string appointmentsAddress, string referralsAddress)
    {
        var projectDirectory = Path.Combine(RepositoryRoot, "gateway", "OneStop.Gateway");
        _gatewayData = ServiceTestHost.NewDataDirectory("onestop-browser-tests");
        var webPort = FreePort.Pick();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = projectDirectory,
            WebRootPath = Path.Combine(projectDirectory, "wwwroot"),
            ApplicationName = typeof(OneStop.Gateway.Extensions).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OneStop:Port"] = "0",
            ["OneStop:WebPort"] = webPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OneStop:DataDirectory"] = _gatewayData,
            ["OneStop:Redis"] = UnreachableRedis,
            ["OneStop:Directory:DirectoryAddress"] = directoryAddress,
            ["OneStop:Services:Appointments"] = appointmentsAddress,
            ["OneStop:Services:Referrals"] = referralsAddress,
            // One browser on one address plays every visitor here; the per-address limits have tests of their own.
            ["OneStop:Gateway:RateLimits:WebPagesPerMinute"] = "100000",
            ["OneStop:Gateway:RateLimits:PublicBookingsPerHour"] = "100000",
        });
        builder.AddGateway();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseGateway();
        app.MapForwarder();
        app.MapWebFront();
        await app.StartAsync();
        await app.SeedWebFrontAsync();
        BaseUrl = $"http://127.0.0.1:{webPort}";
        return app;
    }

    /// <summary>
    /// The first requests pay for JIT, the first gRPC connections and the directory lookups' cache; paid here, so a
    /// test's step timeouts measure the page, not the start-up.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        foreach (var path in new[] { "/", "/?topic=1", "/services/svc-wc-ankommen", "/staff/signin" })
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
    }
}

[CollectionDefinition(Name)]
public sealed class WebFrontCollection : ICollectionFixture<WebFrontSuite>
{
    public const string Name = "web front";
}
