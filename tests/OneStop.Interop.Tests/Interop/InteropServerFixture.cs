using OneStop.Grpc.InteropServer;

namespace OneStop.Interop.Tests.Interop;

/// <summary>Our InteropServer in-process: real Kestrel, HTTP/2 cleartext on 127.0.0.1 and a free port.</summary>
public sealed class InteropServerFixture : IAsyncLifetime
{
    private InteropServerHost? _host;

    public int Port => _host?.Port ?? throw new InvalidOperationException("The server has not started.");

    public string Address => $"http://127.0.0.1:{Port}";

    public async Task InitializeAsync() => _host = await InteropServerHost.StartAsync(0);

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
