using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using OneStop.Interop.Tests.Interop;

namespace OneStop.Gateway.Tests.Support;

/// <summary>
/// `./onestop up` run as a user runs it, moved by ONESTOP_PORT_OFFSET to ports that are free (tests must not bind the
/// fixed ports of docs/architecture.md) and by ONESTOP_DATA_DIR to a directory of its own. Its output is kept, and a test
/// waits for lines of it, sends it signals and waits for its exit, each within a bound.
/// </summary>
public sealed class UpScript : IAsyncDisposable
{
    // Every port `up` may open: the services' and the gateway's (5101–5105, 8080, 8081) and the cache's (6379 + 0..19).
    private static readonly int[] BasePorts = [5101, 5102, 5103, 5104, 5105, 8080, 8081, .. Enumerable.Range(6379, 20)];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;
    private readonly List<LinuxProcess> _leftovers = [];

    private UpScript(Process process, int offset, string dataDirectory)
    {
        _process = process;
        Offset = offset;
        _dataDirectory = dataDirectory;
    }

    public int Offset { get; }

    /// <summary>ONESTOP_DATA_DIR of this run: its SQLite files and logs/.</summary>
    public string DataDirectory => _dataDirectory;

    public int Port(int basePort) => basePort + Offset;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts `./onestop up` with <paramref name="cache"/> ("redis" or "garnet") as ONESTOP_CACHE.</summary>
    public static UpScript Start(string cache)
    {
        var offset = FreeOffset();
        var data = Path.Combine(Path.GetTempPath(), "onestop-up-test", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.RepoRoot, "onestop"));
        start.ArgumentList.Add("up");
        start.Environment["ONESTOP_PORT_OFFSET"] = offset.ToString(CultureInfo.InvariantCulture);
        start.Environment["ONESTOP_DATA_DIR"] = data;
        start.Environment["ONESTOP_CACHE"] = cache;
        // Under `./onestop test` the Release build is current (it was built just before); in any other configuration
        // `up` builds Release itself, as it does for a user.
        if (BuildConfiguration == "Release") start.Environment["ONESTOP_SKIP_BUILD"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ./onestop up.");
        var script = new UpScript(process, offset, data);
        process.OutputDataReceived += (_, e) => script.Append(e.Data);
        process.ErrorDataReceived += (_, e) => script.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>
    /// Runs <c>./onestop ARGS</c> with <paramref name="environment"/> until it exits or, when <paramref name="until"/>
    /// is given, until its output contains that text (then it is stopped, as a user stops <c>./onestop logs</c>), all
    /// within <paramref name="limit"/>. Returns the exit code (null when stopped) and stdout and stderr together.
    /// </summary>
    public static async Task<(int? ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan limit,
        string? until, params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.RepoRoot, "onestop"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ./onestop.");
        var output = new StringBuilder();
        string Text() { lock (output) return output.ToString(); }
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var giveUp = DateTime.UtcNow + limit;
        while (!process.HasExited)
        {
            if (until is not null && Text().Contains(until, StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                return (null, Text());
            }
            if (DateTime.UtcNow >= giveUp)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"./onestop {string.Join(' ', args)} did not {(until is null ? "exit" : $"print \"{until}\"")} within {limit.TotalSeconds:0} s:\n{Text()}");
            }
            await Task.Delay(50);
        }
        using (var outputClosed = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try { await process.WaitForExitAsync(outputClosed.Token); }
            catch (OperationCanceledException) { /* a leftover child holds the output open */ }
        }
        return (process.ExitCode, Text());
    }

    /// <summary>Waits, polling every 50 ms up to <paramref name="limit"/>, until a line contains <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan limit)
    {
        var giveUp = DateTime.UtcNow + limit;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            // Messages built only on failure: ExitCode throws while the script runs.
            if (_process.HasExited)
            {
                await OutputEndedAsync();
                if (Output.Contains(text, StringComparison.Ordinal)) return;
                Assert.Fail($"./onestop up exited ({_process.ExitCode}) before printing \"{text}\":\n{Output}");
            }
            if (DateTime.UtcNow >= giveUp) Assert.Fail($"./onestop up did not print \"{text}\" within {limit.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGTERM to the script, as a supervisor or `kill` sends it (straight through libc: no kill(1) needed).</summary>
    public void SendSigterm()
    {
        if (Kill(_process.Id, Sigterm) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>
    /// The script's exit code, once it has exited within <paramref name="limit"/> (polled every 100 ms: waiting for
    /// the process object would also wait for its output to close, which a process left behind keeps open).
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        var giveUp = DateTime.UtcNow + limit;
        while (!_process.HasExited)
        {
            if (DateTime.UtcNow >= giveUp) Assert.Fail($"./onestop up did not exit within {limit.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(100);
        }
        await OutputEndedAsync();
        return _process.ExitCode;
    }

    /// <summary>After the exit: up to 10 s for the last lines of output, which may still be on their way.</summary>
    private async Task OutputEndedAsync()
    {
        using var outputClosed = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(outputClosed.Token); // returns once stdout and stderr have ended
        }
        catch (OperationCanceledException)
        {
            // A process left behind holds the output open; the test's own checks name it.
        }
    }

    /// <summary>Every process the script has started so far (children, grandchildren, …), as of now.</summary>
    public IReadOnlyList<LinuxProcess> Descendants() => LinuxProcess.DescendantsOf(_process.Id);

    /// <summary>The ports of <see cref="BasePorts"/> (moved) that still accept a connection.</summary>
    public IReadOnlyList<int> PortsStillOpen() => BasePorts.Select(Port).Where(Accepts).ToList();

    /// <summary>Processes to kill when the test ends, in case the script leaves them behind (see <see cref="DisposeAsync"/>).</summary>
    public void KillOnDispose(IEnumerable<LinuxProcess> processes) => _leftovers.AddRange(processes);

    public async ValueTask DisposeAsync()
    {
        // A failed test may leave the suite running: the script's own stop first, then the hard way for what is left
        // (a process whose parent script died is no longer in its tree, hence the list taken while it ran).
        try
        {
            if (!_process.HasExited)
            {
                _leftovers.AddRange(Descendants());
                try { SendSigterm(); } catch (InvalidOperationException) { /* exited meanwhile */ }
                var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
                while (!_process.HasExited && DateTime.UtcNow < giveUp) await Task.Delay(100);
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            foreach (var leftover in _leftovers) leftover.Kill();
            _process.Dispose();
            try { System.IO.Directory.Delete(_dataDirectory, recursive: true); }
            catch (IOException) { /* best effort */ }
            catch (UnauthorizedAccessException) { /* best effort */ }
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>
    /// An offset that moves every port `up` may open onto a free one (bounded: 50 random tries). All of them stay
    /// below Linux's ephemeral range (32768 and up), so no outgoing connection takes one between check and start.
    /// </summary>
    private static int FreeOffset()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var offset = Random.Shared.Next(10_000, 24_000);
            if (BasePorts.All(port => !Accepts(port + offset))) return offset;
        }
        throw new InvalidOperationException("No port offset with every port of `./onestop up` free in 50 tries.");
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string BuildConfiguration =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
