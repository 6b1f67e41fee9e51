using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneStop.ServiceDefaults;

/// <summary>The service's name as given to <c>AddServiceDefaults</c>, for logs and diagnostics.</summary>
public sealed record ServiceInfo(string Name)
{
    /// <summary>Logs the bound address once started; with port 0 it is the only way to learn the port.</summary>
    internal static void LogAddressesOnStart(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var name = app.Services.GetService<ServiceInfo>()?.Name ?? app.Environment.ApplicationName;
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            app.Logger.LogInformation("{Service} listening on {Addresses} (gRPC, h2c)", name, string.Join(", ", addresses));
        });
    }
}
