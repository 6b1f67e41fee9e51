using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Directory.Client.Tests.TestSupport;

/// <summary>
/// A real redis-server on a free loopback port, without persistence, that a test can kill (SIGKILL) and restart on
/// the same port — restarted empty, like a Redis that lost its memory.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServerFixture> StartAsync()
    {
        var fixture = new RedisServerFixture();
        await fixture.InitializeAsync();
        return fixture;
    }

    public async Task InitializeAsync()
    {
        // The free port is released before redis-server binds it; another process could take it meanwhile, so retry.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                await StartProcessAsync();
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await StopProcessAsync();
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, clients see their sockets reset.</summary>
    public Task KillAsync() => StopProcessAsync();

    /// <summary>Starts a new, empty server on the same port.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async Task DisposeAsync() => await StopProcessAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await StopProcessAsync();

    private static string FindRedisServer()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException("redis-server not found: install redis-server (./onestop test does it)");
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task StartProcessAsync()
    {
        if (_process is not null) throw new InvalidOperationException("redis-server is already running");
        var start = new ProcessStartInfo(FindRedisServer())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        // Drain the pipes, or a chatty server blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitForPingAsync(process);
    }

    private async Task WaitForPingAsync(Process process)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new TimeoutException($"redis-server exited with {process.ExitCode} (port {Port} taken?)");
            if (await PingAsync()) return;
            await Task.Delay(20);
        }
        throw new TimeoutException($"redis-server on port {Port} did not answer PING within {StartTimeout}");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task StopProcessAsync()
    {
        var process = _process;
        _process = null;
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(); // SIGKILL on Unix
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            process.Dispose();
        }
    }
}
