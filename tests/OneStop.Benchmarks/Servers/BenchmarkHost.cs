using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Grpc.InteropServer;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// The host the load-test servers in this project share, set up exactly like the InteropServer's (slim builder,
/// HTTP/2-only loopback listener, warnings-only logging to stderr, server GC), so that an h2load comparison with it
/// differs only in what is mapped. Same command line (<c>--port N</c>, 0 for any) and same "listening on" line.
/// </summary>
internal static class BenchmarkHost
{
    public static async Task RunAsync(string[] args, Action<WebApplicationBuilder> addServices, Action<WebApplication> map)
    {
        var port = InteropServerArgs.ParsePort(args);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        addServices(builder);

        await using var app = builder.Build();
        map(app);
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.WriteLine($"listening on 127.0.0.1:{new Uri(address).Port}");
        await app.WaitForShutdownAsync().ConfigureAwait(false);
    }
}
