using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Directory.Client.Tests.TestSupport;

/// <summary>A real Kestrel (h2c on 127.0.0.1, a free port) serving <see cref="FakeDirectoryService"/> on grpc-dotnet.</summary>
public sealed class FakeDirectoryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDirectoryServer(WebApplication app, FakeDirectoryService service, string address)
    {
        _app = app;
        Service = service;
        Address = address;
    }

    public FakeDirectoryService Service { get; }

    /// <summary>"http://127.0.0.1:{port}".</summary>
    public string Address { get; }

    public static async Task<FakeDirectoryServer> StartAsync()
    {
        var service = new FakeDirectoryService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.MapGrpcService<FakeDirectoryService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeDirectoryServer(app, service, address.Replace("[::1]", "127.0.0.1"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
