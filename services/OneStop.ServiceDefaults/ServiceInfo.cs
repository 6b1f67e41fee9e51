using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.ServiceDefaults;

/// <summary>The service's name as given to <c>AddServiceDefaults</c>, for logs and diagnostics.</summary>
public sealed record ServiceInfo(string Name)
{
    /// <summary>
    /// Logs the bound addresses once started, each with what it speaks (the gateway has a gRPC and a web port);
    /// with port 0 it is the only way to learn the ports.
    /// </summary>
    internal static void LogAddressesOnStart(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var name = app.Services.GetService<ServiceInfo>()?.Name ?? app.Environment.ApplicationName;
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var kestrel = app.Services.GetService<IOptions<KestrelServerOptions>>()?.Value;
            var listeners = kestrel is null ? [] : ListenAddress.ListenersOf(kestrel);
            app.Logger.LogInformation("{Service} listening on {Addresses}", name,
                string.Join(", ", addresses.Select(a => Describe(a, listeners))));
        });
    }

    /// <summary>"http://127.0.0.1:5101 (gRPC, h2c)": the address with the protocols of the listener that bound it.</summary>
    internal static string Describe(string address, IReadOnlyList<ListenOptions> listeners)
    {
        // Kestrel writes the bound port back into the listener's endpoint, so port 0 matches too.
        var port = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Port : -1;
        var listener = listeners.FirstOrDefault(l => l.IPEndPoint?.Port == port);
        var secure = address.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        var protocols = listener?.Protocols switch
        {
            HttpProtocols.Http2 => secure ? "gRPC, h2" : "gRPC, h2c",
            HttpProtocols.Http1 => "web, HTTP/1.1",
            HttpProtocols.Http1AndHttp2 => secure ? "gRPC and web, TLS: h2 and http/1.1" : "gRPC and web, HTTP/1.1 and h2c",
            { } other => other.ToString(),
            null => null,
        };
        return protocols is null ? address : string.Create(CultureInfo.InvariantCulture, $"{address} ({protocols})");
    }
}
