using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OneStop.Grpc.InteropServer;

/// <summary>
/// A running interop server on 127.0.0.1. Program uses it, and so do tests that want the server in-process
/// (real Kestrel and sockets, so the wire format is the same as out of process).
/// </summary>
public sealed class InteropServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InteropServerHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The bound port (the real one when 0 was asked for).</summary>
    public int Port { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InteropServerHost> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        // The slim builder: no appsettings, launch profiles or hosting-startup scanning to depend on the working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.AddInteropServer(port);
        var app = builder.Build();
        app.MapInteropServer();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new InteropServerHost(app, BoundPort(app));
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        // Bounded: a test must not hang on a call that never finishes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var address = addresses.Single();
        return new Uri(address).Port;
    }
}
