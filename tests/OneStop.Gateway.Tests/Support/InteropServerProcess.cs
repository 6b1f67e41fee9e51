using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Testing;

namespace OneStop.Gateway.Tests.Support;

/// <summary>
/// The interop server as a separate process, so a test can kill it the hard way (SIGKILL) in the middle of a call,
/// as a crashed backend would go.
/// </summary>
public sealed class InteropServerProcess : IDisposable
{
    private readonly Process _process;

    private InteropServerProcess(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public static async Task<InteropServerProcess> StartAsync()
    {
        var port = FreePort.Pick();
        // The referenced project's build output sits next to the test assembly.
        var dll = Path.Combine(AppContext.BaseDirectory, "OneStop.Grpc.InteropServer.dll");
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(dll);
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the interop server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new InteropServerProcess(process, port);
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>Bounded: up to 30 s, one EmptyCall attempt every 100 ms.</summary>
    private async Task WaitUntilServingAsync()
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var client = new TestService.TestServiceClient(channel);
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(2));
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < giveUp && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
