using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace OneStop.Interop.Tests.Interop;

/// <summary>
/// Starts <c>node</c> itself (no wrapper shell), so killing the process really stops the peer, and collects its
/// output for failure messages.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process) => _process = process;

    /// <summary>Raised for each stdout line, after it is recorded.</summary>
    public event Action<string>? LineReceived;

    public Process Process => _process;

    /// <summary>Everything printed so far, stdout and stderr interleaved as received.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static NodeProcess Start(string script, params string[] arguments)
    {
        RepoPaths.EnsureInteropPeerInstalled();
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.InteropPeerDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var node = new NodeProcess(process);
        process.OutputDataReceived += (_, e) => node.Record(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => node.Record(e.Data, stdout: false);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("Could not start `node` (Node.js 20+ must be on PATH for the interop tests).", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Runs a script to completion, killing it after <paramref name="timeout"/>. Returns the exit code, or null on timeout.</summary>
    public static async Task<(int? ExitCode, string Output)> RunAsync(TimeSpan timeout, string script, params string[] arguments)
    {
        using var node = Start(script, arguments);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await node._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill();
            return (null, node.Output + $"\n[killed after {timeout.TotalSeconds:0} s]");
        }
        // WaitForExitAsync also waits for the redirected streams to reach end of file.
        return (node._process.ExitCode, node.Output);
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Record(string? line, bool stdout)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(stdout ? line : "[stderr] " + line);
        if (stdout) LineReceived?.Invoke(line);
    }
}
