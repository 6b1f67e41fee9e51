using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Directory.Client.Tests.TestSupport;

/// <summary>
/// A real cache server on a free loopback port, without persistence, that a test can kill (SIGKILL) and restart on
/// the same port — restarted empty, like a Redis that lost its memory. Debian's redis-server by default; Microsoft
/// Garnet (the dotnet local tool `./onestop up` falls back to) when asked.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime, IAsyncDisposable
{
    private Process? _process;

    public RedisServerFixture(CacheServer server = CacheServer.Redis) => Server = server;

    public CacheServer Server { get; }

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServerFixture> StartAsync(CacheServer server = CacheServer.Redis)
    {
        var fixture = new RedisServerFixture(server);
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

    /// <summary>
    /// Garnet as `./onestop up` starts it: the pinned local tool, run from the repository (where its manifest is),
    /// with Lua enabled and run as transactions, so the read model's set-if-greater script works and is atomic.
    /// </summary>
    private ProcessStartInfo GarnetStart()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, ".config", "dotnet-tools.json"))) root = root.Parent;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root?.FullName ?? throw new InvalidOperationException("no .config/dotnet-tools.json above the test binaries"),
        };
        foreach (var argument in new[] { "tool", "run", "garnet-server", "--", "--bind", "127.0.0.1", "--port", Port.ToString(), "--lua", "--lua-transaction-mode" })
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private ProcessStartInfo RedisStart()
    {
        var start = new ProcessStartInfo(FindRedisServer());
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private async Task StartProcessAsync()
    {
        if (_process is not null) throw new InvalidOperationException($"{Server} is already running");
        var start = Server == CacheServer.Garnet ? GarnetStart() : RedisStart();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Server} did not start");
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
        // Garnet is a .NET program started through `dotnet tool run`: give it longer on a loaded machine.
        var startTimeout = TimeSpan.FromSeconds(Server == CacheServer.Garnet ? 60 : 10);
        var deadline = DateTime.UtcNow + startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new TimeoutException($"{Server} exited with {process.ExitCode} (port {Port} taken?" +
                    (Server == CacheServer.Garnet ? " Garnet not restored? Run `dotnet tool restore`)" : ")"));
            }
            if (await PingAsync()) return;
            await Task.Delay(20);
        }
        throw new TimeoutException($"{Server} on port {Port} did not answer PING within {startTimeout}");
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
            // SIGKILL on Unix; the whole tree, because `dotnet tool run` starts Garnet as its child.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            process.Dispose();
        }
    }
}

/// <summary>Which server <see cref="RedisServerFixture"/> runs.</summary>
public enum CacheServer
{
    Redis,
    Garnet,
}
