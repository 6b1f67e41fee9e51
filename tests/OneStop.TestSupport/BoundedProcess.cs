using System.Diagnostics;

namespace OneStop.TestSupport;

/// <summary>Runs a program to completion within a time limit; a non-zero exit or a timeout is an exception with its output.</summary>
public static class BoundedProcess
{
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var commandLine = fileName + " " + string.Join(' ', start.ArgumentList);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {commandLine}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            await Task.WhenAll(stdout, stderr).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish within {timeout.TotalSeconds:0}s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{commandLine} exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        }
        return await stdout;
    }
}
