using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests.Support;

/// <summary>Debian's redis-server on a free loopback port, without persistence, that a test can SIGKILL and restart empty on the same port.</summary>
public sealed class RedisProcess : IDisposable
{
    private Process? _process;

    private RedisProcess(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync()
    {
        var redis = new RedisProcess(FreePort.Pick());
        await redis.RestartAsync();
        return redis;
    }

    /// <summary>Starts a new, empty server on <see cref="Port"/>; ready when it answers PING (bounded to 30 s).</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (./onestop test installs it).");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await AnswersPingAsync()) return;
            Assert.False(_process.HasExited, "redis-server exited at start");
            await Task.Delay(100);
        }
        throw new TimeoutException($"redis-server did not answer PING on {Port} within 30 s.");
    }

    /// <summary>SIGKILL: clients see their connections reset; what it held is gone.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
        _process?.Dispose();
        _process = null;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => Kill();
}
